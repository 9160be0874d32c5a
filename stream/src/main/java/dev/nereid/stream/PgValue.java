package dev.nereid.stream;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Objects;

/**
 * A stored property value with its Gremlin type (spec §2.2). The type is part of the value: an
 * {@link IntValue} 1 and a {@link LongValue} 1 are different statements (§5.1).
 */
public sealed interface PgValue {

    /** The {@code dataType} wire name. */
    String dataType();

    /** The value as the graph holds it: String, Boolean, Byte, Short, Integer, Long, Float, Double or Date. */
    Object toJava();

    /**
     * The stored form of a graph value. Dates keep epoch milliseconds; finer precision is truncated.
     *
     * @throws IllegalArgumentException for values Neptune cannot store (§5.1): null, NaN, infinities,
     *                                  collections, BigInteger, BigDecimal and every other type
     */
    static PgValue of(Object value) {
        if (value instanceof String s) {
            return new StringValue(s);
        } else if (value instanceof Boolean b) {
            return new BoolValue(b);
        } else if (value instanceof Byte b) {
            return new ByteValue(b);
        } else if (value instanceof Short s) {
            return new ShortValue(s);
        } else if (value instanceof Integer i) {
            return new IntValue(i);
        } else if (value instanceof Long l) {
            return new LongValue(l);
        } else if (value instanceof Float f) {
            return new FloatValue(f);
        } else if (value instanceof Double d) {
            return new DoubleValue(d);
        } else if (value instanceof Date d) {
            return new DateValue(d.getTime());
        } else if (value instanceof Instant i) {
            return new DateValue(i.toEpochMilli());
        } else if (value instanceof OffsetDateTime t) {
            return new DateValue(t.toInstant().toEpochMilli());
        } else if (value instanceof ZonedDateTime t) {
            return new DateValue(t.toInstant().toEpochMilli());
        }
        throw new IllegalArgumentException("unsupported property value type: "
                + (value == null ? "null" : value.getClass().getName()));
    }

    record StringValue(String value) implements PgValue {
        public StringValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String dataType() {
            return "String";
        }

        @Override
        public Object toJava() {
            return value;
        }
    }

    record BoolValue(boolean value) implements PgValue {
        @Override
        public String dataType() {
            return "Bool";
        }

        @Override
        public Object toJava() {
            return value;
        }
    }

    record ByteValue(byte value) implements PgValue {
        @Override
        public String dataType() {
            return "Byte";
        }

        @Override
        public Object toJava() {
            return value;
        }
    }

    record ShortValue(short value) implements PgValue {
        @Override
        public String dataType() {
            return "Short";
        }

        @Override
        public Object toJava() {
            return value;
        }
    }

    record IntValue(int value) implements PgValue {
        @Override
        public String dataType() {
            return "Int";
        }

        @Override
        public Object toJava() {
            return value;
        }
    }

    record LongValue(long value) implements PgValue {
        @Override
        public String dataType() {
            return "Long";
        }

        @Override
        public Object toJava() {
            return value;
        }
    }

    /** JSON has no NaN or infinity, so neither can be stored. */
    record FloatValue(float value) implements PgValue {
        public FloatValue {
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException("unsupported property value: Float " + value);
            }
        }

        @Override
        public String dataType() {
            return "Float";
        }

        @Override
        public Object toJava() {
            return value;
        }
    }

    /** JSON has no NaN or infinity, so neither can be stored. */
    record DoubleValue(double value) implements PgValue {
        public DoubleValue {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("unsupported property value: Double " + value);
            }
        }

        @Override
        public String dataType() {
            return "Double";
        }

        @Override
        public Object toJava() {
            return value;
        }
    }

    record DateValue(long epochMillis) implements PgValue {
        @Override
        public String dataType() {
            return "Date";
        }

        @Override
        public Object toJava() {
            return new Date(epochMillis);
        }
    }
}
