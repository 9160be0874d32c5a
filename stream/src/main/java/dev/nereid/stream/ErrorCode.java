package dev.nereid.stream;

/**
 * Every error Nereid returns, by Neptune's code (the bare exception name clients dispatch on), with
 * its HTTP status and whether a client may retry (spec §4). Codes never change once published.
 */
public enum ErrorCode {
    INVALID_PARAMETER("InvalidParameterException", 400, false),
    MISSING_PARAMETER("MissingParameterException", 400, false),
    EXPIRED_STREAM("ExpiredStreamException", 400, false),
    STREAM_RECORDS_NOT_FOUND("StreamRecordsNotFoundException", 404, false),
    UNSUPPORTED_OPERATION("UnsupportedOperationException", 400, false),
    /** A stream path asked with another method than GET. */
    METHOD_NOT_ALLOWED("MethodNotAllowedException", 405, false),
    /** Neptune answers an unknown path with this code and a 400. */
    BAD_ROUTE("MethodNotAllowedException", 400, false),
    BAD_REQUEST("BadRequestException", 400, false),
    MALFORMED_QUERY("MalformedQueryException", 400, false),
    CONSTRAINT_VIOLATION("ConstraintViolationException", 400, false),
    CONCURRENT_MODIFICATION("ConcurrentModificationException", 500, true),
    ACCESS_DENIED("AccessDeniedException", 403, false),
    TOO_MANY_REQUESTS("TooManyRequestsException", 429, true),
    MEMORY_LIMIT_EXCEEDED("MemoryLimitExceededException", 500, true),
    SERVER_SHUTDOWN("ServerShutdownException", 500, true),
    /** A query ran past the query timeout ({@code neptune_query_timeout}) and was stopped; it wrote nothing. */
    TIME_LIMIT_EXCEEDED("TimeLimitExceededException", 500, true),
    INTERNAL_FAILURE("InternalFailureException", 500, true),
    /** Declared by Neptune's model for the stream operations; Nereid never sends it, its client reads it. */
    THROTTLING("ThrottlingException", 500, true),
    /** Declared by Neptune's model for the stream operations; Nereid never sends it, its client reads it. */
    CLIENT_TIMEOUT("ClientTimeoutException", 408, true);

    private final String code;
    private final int httpStatus;
    private final boolean retryable;

    ErrorCode(String code, int httpStatus, boolean retryable) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.retryable = retryable;
    }

    /** The wire value of the {@code code} field and of the {@code x-amzn-ErrorType} header. */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public boolean retryable() {
        return retryable;
    }
}
