package dev.nereid.stream;

import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    public static final long DEFAULT_OP_NUM = 1;
    public static final IteratorType DEFAULT_ITERATOR_TYPE = IteratorType.AT_SEQUENCE_NUMBER;
    /** Query parameters with this prefix carry SigV4 query authentication and are not stream parameters. */
    public static final String SIGV4_PREFIX = "X-Amz-";

    public StreamRequest {
        Objects.requireNonNull(iteratorType, "iteratorType");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit out of 1.." + MAX_LIMIT + ": " + limit);
        }
        if (opNum < 0) {
            throw new IllegalArgumentException("negative opNum: " + opNum);
        }
        if (commitNum < (iteratorType.usesPosition() ? 0 : -1)) {
            throw new IllegalArgumentException(iteratorType + " with commitNum " + commitNum);
        }
    }

    /**
     * Validates a decoded query string (name to values in order, as Netty's {@code QueryStringDecoder}
     * gives it) by the checks of spec §1, in the table's order.
     *
     * <p>Each check runs over all parameters before the next check starts; within one check,
     * parameters are taken in the map's iteration order, which for {@code QueryStringDecoder} (a
     * {@code LinkedHashMap}) is the order in which names first appear in the query string. The first
     * failure is thrown. Names starting with {@value #SIGV4_PREFIX} are ignored entirely. A name
     * mapped to an empty list counts as absent.
     *
     * @throws NereidException {@link ErrorCode#INVALID_PARAMETER} with the §1 message
     */
    public static StreamRequest parse(Map<String, List<String>> query) {
        return StreamRequestParser.parse(query);
    }

    /** The parameter errors of spec §1, byte-exact. */
    public static final class Exceptions {
        /** How much of an offending value is echoed back. */
        public static final int MAX_ECHOED_CODE_POINTS = 64;

        private Exceptions() {
        }

        public static NereidException unknownParameter(String name) {
            return invalid("Unknown parameter: " + name);
        }

        public static NereidException tooManyValues(String name) {
            return invalid("Too many values supplied for: " + name);
        }

        public static NereidException notANonNegativeInteger(String name, String value) {
            return invalid("Invalid value '" + echo(value) + "' for parameter '" + name
                    + "': expected a non-negative integer");
        }

        public static NereidException limitOutOfRange(String value) {
            return invalid("Invalid value '" + echo(value) + "' for parameter 'limit': expected an integer from 1 to "
                    + MAX_LIMIT);
        }

        public static NereidException unknownIteratorType(String value) {
            return invalid("Invalid value '" + echo(value) + "' for parameter 'iteratorType': expected one of "
                    + "AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, TRIM_HORIZON, LATEST");
        }

        public static NereidException commitNumRequired() {
            return invalid("Parameter 'commitNum' is required when iteratorType is AT_SEQUENCE_NUMBER (the default) "
                    + "or AFTER_SEQUENCE_NUMBER; to start at the oldest available record use iteratorType=TRIM_HORIZON");
        }

        /** Cut by code points, so a surrogate pair is never split into invalid text. */
        static String echo(String value) {
            if (value.length() <= MAX_ECHOED_CODE_POINTS
                    || value.codePointCount(0, value.length()) <= MAX_ECHOED_CODE_POINTS) {
                return value;
            }
            return value.substring(0, value.offsetByCodePoints(0, MAX_ECHOED_CODE_POINTS));
        }

        private static NereidException invalid(String message) {
            return new NereidException(ErrorCode.INVALID_PARAMETER, message);
        }
    }
}
