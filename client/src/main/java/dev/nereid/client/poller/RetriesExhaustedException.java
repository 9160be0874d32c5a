package dev.nereid.client.poller;

/** A read failed with retryable errors as many times as the {@link RetryPolicy} allows. */
public final class RetriesExhaustedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int attempts;

    public RetriesExhaustedException(String what, int attempts, Exception last) {
        super("gave up " + what + " after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + "; last failure: "
                + describe(last), last);
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }

    static String describe(Exception e) {
        String message = e.getMessage();
        return e instanceof dev.nereid.client.StreamServiceException ? e.toString()
                : e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
