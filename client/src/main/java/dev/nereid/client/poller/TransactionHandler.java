package dev.nereid.client.poller;

/**
 * Takes the stream one whole transaction at a time, in commit order. The poller saves the checkpoint
 * only after {@link #handle} returns, so a transaction may be handled again after a crash (at least
 * once): make the handler idempotent, or store the checkpoint with the handler's own writes (exactly
 * once, see {@link #savesCheckpoint()}). If it throws, the poller stops and rethrows, without the
 * checkpoint moving.
 */
@FunctionalInterface
public interface TransactionHandler {

    void handle(StreamTransaction transaction) throws Exception;

    /**
     * True when the handler stores {@link StreamTransaction#checkpoint()} itself, atomically with its own
     * writes (e.g. in one database transaction); the poller then does not save it again.
     */
    default boolean savesCheckpoint() {
        return false;
    }
}
