package dev.nereid.client.poller;

import dev.nereid.stream.EventId;

/** The handler threw: the poller stopped, and its checkpoint stays before this transaction. */
public final class HandlerFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long commitNum;

    public HandlerFailedException(long commitNum, EventId checkpoint, Exception cause) {
        super("the handler failed on commit " + commitNum + "; the checkpoint stays at "
                + (checkpoint == null ? "none" : checkpoint.commitNum() + ":" + checkpoint.opNum()), cause);
        this.commitNum = commitNum;
    }

    public long commitNum() {
        return commitNum;
    }
}
