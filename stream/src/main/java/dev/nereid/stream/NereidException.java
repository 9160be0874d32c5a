package dev.nereid.stream;

import java.util.Objects;

/**
 * A failure that reaches the client as a Neptune-format error: a code and a message meant for the
 * caller. The message must never carry internals (classes, paths, stack frames).
 */
public class NereidException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;

    /** A query or update stopped at the query timeout (Neptune's {@code neptune_query_timeout}); it wrote nothing. */
    public static NereidException timeLimitExceeded() {
        return new NereidException(ErrorCode.TIME_LIMIT_EXCEEDED, "Operation terminated (deadline exceeded)");
    }

    /**
     * @param detailedMessage what the client reads; a library's exception may carry none, and a Neptune
     *                        error always has one, so null or blank becomes the code's name
     */
    public NereidException(ErrorCode errorCode, String detailedMessage) {
        super(detailedMessage == null || detailedMessage.isBlank()
                ? Objects.requireNonNull(errorCode, "errorCode").code() : detailedMessage, null, false, false);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public String detailedMessage() {
        return getMessage();
    }
}
