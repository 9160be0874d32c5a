package dev.nereid.client.poller;

/**
 * The stream broke a guarantee the poller relies on (spec §3.1): a commitNum skipped, a commit that ends
 * without {@code isLastOp}, or opNums out of order. Nothing of the broken transaction was handled.
 */
public final class StreamContinuityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StreamContinuityException(String message) {
        super(message);
    }
}
