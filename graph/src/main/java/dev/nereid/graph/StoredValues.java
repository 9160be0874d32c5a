package dev.nereid.graph;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import dev.nereid.stream.PgValue;

import java.util.Date;

/**
 * The values a Neptune property can hold (spec §2.2, §5.1): String, Boolean, Byte, Short, Integer,
 * Long, finite Float and Double, and Date. Anything else is refused before any write.
 */
final class StoredValues {

    private StoredValues() {
    }

    /** The stored form of {@code value} under {@code key}, or the spec's 400 for an unstorable one. */
    static PgValue of(String key, Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof Byte
                || value instanceof Short || value instanceof Integer || value instanceof Long
                || (value != null && value.getClass() == Date.class)) {
            return PgValue.of(value);
        }
        if (value instanceof Float f && Float.isFinite(f) || value instanceof Double d && Double.isFinite(d)) {
            return PgValue.of(value);
        }
        throw unsupported(key, value);
    }

    static NereidException unsupported(String key, Object value) {
        String type = value == null ? "null" : describe(value);
        return new NereidException(ErrorCode.UNSUPPORTED_OPERATION,
                "Unsupported property value type " + type + " for key '" + key + "'");
    }

    private static String describe(Object value) {
        if (value instanceof Float f) {
            return "Float " + f;
        }
        if (value instanceof Double d) {
            return "Double " + d;
        }
        return value.getClass().getSimpleName();
    }
}
