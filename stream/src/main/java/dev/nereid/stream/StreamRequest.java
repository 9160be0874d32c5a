package dev.nereid.stream;

/**
 * A validated read request (spec §1).
 *
 * @param iteratorType where to start
 * @param commitNum    the requested commitNum; {@code -1} when absent (allowed only for TRIM_HORIZON and LATEST)
 * @param opNum        the requested opNum; 1 when absent
 * @param limit        maximum records per page, 1..100000; 10 when absent
 */
public record StreamRequest(IteratorType iteratorType, long commitNum, long opNum, int limit) {
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100_000;
}
