package dev.nereid.stream;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The validation of spec §1, one pass per check so that the check number, not the parameters'
 * positions, decides which failure is reported.
 */
final class StreamRequestParser {
    private static final String LIMIT = "limit";
    private static final String ITERATOR_TYPE = "iteratorType";
    private static final String COMMIT_NUM = "commitNum";
    private static final String OP_NUM = "opNum";
    private static final Set<String> KNOWN = Set.of(LIMIT, ITERATOR_TYPE, COMMIT_NUM, OP_NUM);

    private StreamRequestParser() {
    }

    static StreamRequest parse(Map<String, List<String>> query) {
        Objects.requireNonNull(query, "query");
        // Check 1: unknown names.
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (isStreamParameter(e) && !KNOWN.contains(e.getKey())) {
                throw StreamRequest.Exceptions.unknownParameter(e.getKey());
            }
        }
        // Check 2: repeated names.
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (isStreamParameter(e) && e.getValue().size() > 1) {
                throw StreamRequest.Exceptions.tooManyValues(e.getKey());
            }
        }
        // Check 3: numbers, in query order.
        long commitNum = -1;
        long opNum = StreamRequest.DEFAULT_OP_NUM;
        int limit = StreamRequest.DEFAULT_LIMIT;
        String iteratorValue = null;
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (!isStreamParameter(e)) {
                continue;
            }
            String value = e.getValue().get(0);
            switch (e.getKey()) {
                case LIMIT -> limit = parseLimit(value);
                case COMMIT_NUM -> commitNum = parseNonNegative(COMMIT_NUM, value);
                case OP_NUM -> opNum = parseNonNegative(OP_NUM, value);
                default -> iteratorValue = value;
            }
        }
        // Check 4: the iterator type.
        IteratorType iteratorType = StreamRequest.DEFAULT_ITERATOR_TYPE;
        if (iteratorValue != null) {
            iteratorType = parseIteratorType(iteratorValue);
        }
        // Check 5: a position for the iterators that start from one.
        if (iteratorType.usesPosition() && commitNum < 0) {
            throw StreamRequest.Exceptions.commitNumRequired();
        }
        return new StreamRequest(iteratorType, commitNum, opNum, limit);
    }

    private static boolean isStreamParameter(Map.Entry<String, List<String>> e) {
        return !e.getKey().startsWith(StreamRequest.SIGV4_PREFIX) && !e.getValue().isEmpty();
    }

    private static int parseLimit(String value) {
        long limit = parseDigits(value);
        if (limit < 1 || limit > StreamRequest.MAX_LIMIT) {
            throw StreamRequest.Exceptions.limitOutOfRange(value);
        }
        return (int) limit;
    }

    private static long parseNonNegative(String name, String value) {
        long n = parseDigits(value);
        if (n < 0) {
            throw StreamRequest.Exceptions.notANonNegativeInteger(name, value);
        }
        return n;
    }

    /** The value of {@code [0-9]+} up to 2^63-1, or -1 for anything else (empty, signs, overflow). */
    private static long parseDigits(String value) {
        if (value.isEmpty()) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            int d = value.charAt(i) - '0';
            if (d < 0 || d > 9 || n > (Long.MAX_VALUE - d) / 10) {
                return -1;
            }
            n = n * 10 + d;
        }
        return n;
    }

    private static IteratorType parseIteratorType(String value) {
        for (IteratorType t : IteratorType.values()) {
            if (t.name().equals(value)) {
                return t;
            }
        }
        throw StreamRequest.Exceptions.unknownIteratorType(value);
    }
}
