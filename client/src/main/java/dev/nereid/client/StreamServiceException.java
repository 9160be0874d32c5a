package dev.nereid.client;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;

/**
 * An error answer from a stream endpoint, in Neptune's terms (spec §4). {@link #errorCode()} decides
 * what a client does ({@link ErrorCode#retryable()}); {@link #code()} is the code as sent, which may
 * be one Nereid does not know.
 */
public final class StreamServiceException extends NereidException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String code;
    private final String requestId;

    public StreamServiceException(ErrorCode errorCode, int httpStatus, String code, String detailedMessage,
                                  String requestId) {
        super(errorCode, detailedMessage);
        this.httpStatus = httpStatus;
        this.code = code;
        this.requestId = requestId;
    }

    /** An error raised in-process, where there is no HTTP exchange: the code's own status, no request id. */
    public static StreamServiceException of(NereidException e) {
        return new StreamServiceException(e.errorCode(), e.errorCode().httpStatus(), e.errorCode().code(),
                e.detailedMessage(), null);
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The {@code code} field as sent. */
    public String code() {
        return code;
    }

    /** The request id the server gave, or null. */
    public String requestId() {
        return requestId;
    }

    public boolean retryable() {
        return errorCode().retryable();
    }

    @Override
    public String toString() {
        return httpStatus + " " + code + ": " + detailedMessage() + (requestId == null ? "" : " (requestId " + requestId + ")");
    }
}
