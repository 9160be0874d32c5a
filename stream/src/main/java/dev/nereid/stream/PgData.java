package dev.nereid.stream;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.util.Objects;

/**
 * The {@code data} object of a PG record (spec §2.2): one statement of the graph. Rendered once, at
 * write time, into the bytes that are stored and later copied verbatim into pages.
 *
 * @param from the edge's source vertex id; only for {@link PgType#EDGE}, otherwise null
 * @param to   the edge's target vertex id; only for {@link PgType#EDGE}, otherwise null
 */
public record PgData(PgType type, String id, String key, PgValue value, String from, String to) {
    /** The {@code key} of label statements. */
    public static final String LABEL_KEY = "label";

    private static final byte[] ID = JsonBuffer.ascii("{\"id\":");
    private static final byte[] TYPE = JsonBuffer.ascii(",\"type\":\"");
    private static final byte[] KEY = JsonBuffer.ascii("\",\"key\":");
    private static final byte[] VALUE = JsonBuffer.ascii(",\"value\":{\"value\":");
    private static final byte[] DATA_TYPE = JsonBuffer.ascii(",\"dataType\":\"");
    private static final byte[] FROM = JsonBuffer.ascii("\"},\"from\":");
    private static final byte[] TO = JsonBuffer.ascii(",\"to\":");
    private static final byte[] END_VALUE = JsonBuffer.ascii("\"}}");
    private static final byte[] TRUE = JsonBuffer.ascii("true");
    private static final byte[] FALSE = JsonBuffer.ascii("false");

    public PgData {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (type.isLabel() && (!LABEL_KEY.equals(key) || !(value instanceof PgValue.StringValue))) {
            throw new IllegalArgumentException(type.wireName() + " records carry key 'label' and a String value");
        }
        if (type == PgType.EDGE ? from == null || to == null : from != null || to != null) {
            throw new IllegalArgumentException("from and to are set exactly on edge records (type e)");
        }
    }

    public static PgData vertexLabel(String id, String label) {
        return new PgData(PgType.VERTEX_LABEL, id, LABEL_KEY, new PgValue.StringValue(label), null, null);
    }

    public static PgData vertexProperty(String id, String key, PgValue value) {
        return new PgData(PgType.VERTEX_PROPERTY, id, key, value, null, null);
    }

    public static PgData edge(String id, String label, String from, String to) {
        return new PgData(PgType.EDGE, id, LABEL_KEY, new PgValue.StringValue(label),
                Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
    }

    public static PgData edgeProperty(String id, String key, PgValue value) {
        return new PgData(PgType.EDGE_PROPERTY, id, key, value, null, null);
    }

    /** Reads back what {@link #toJson()} wrote (field order free, unknown fields refused). */
    public static PgData fromJson(byte[] json, int offset, int length) {
        return DataParser.pgData(json, offset, length);
    }

    public static PgData fromJson(byte[] json) {
        return fromJson(json, 0, json.length);
    }

    /**
     * Compact UTF-8 JSON, fields in the order {@code id, type, key, value[, from, to]}:
     * {@code {"id":"v1","type":"vp","key":"age","value":{"value":29,"dataType":"Int"}}}.
     */
    public byte[] toJson() {
        JsonBuffer out = new JsonBuffer(96 + 3 * (id.length() + key.length()));
        out.put(ID);
        out.putString(id);
        out.put(TYPE);
        out.put(JsonBuffer.ascii(type.wireName()));
        out.put(KEY);
        out.putString(key);
        out.put(VALUE);
        putValue(out, value);
        out.put(DATA_TYPE);
        out.put(JsonBuffer.ascii(value.dataType()));
        if (type == PgType.EDGE) {
            out.put(FROM);
            out.putString(from);
            out.put(TO);
            out.putString(to);
            out.put((byte) '}');
        } else {
            out.put(END_VALUE);
        }
        return out.toByteArray();
    }

    private static void putValue(JsonBuffer out, PgValue value) {
        if (value instanceof PgValue.StringValue v) {
            out.putString(v.value());
        } else if (value instanceof PgValue.BoolValue v) {
            out.put(v.value() ? TRUE : FALSE);
        } else if (value instanceof PgValue.ByteValue v) {
            out.putLong(v.value());
        } else if (value instanceof PgValue.ShortValue v) {
            out.putLong(v.value());
        } else if (value instanceof PgValue.IntValue v) {
            out.putLong(v.value());
        } else if (value instanceof PgValue.LongValue v) {
            out.putLong(v.value());
        } else if (value instanceof PgValue.FloatValue v) {
            // Shortest round-trip digits (Schubfach); Java 17's Float.toString is not always shortest.
            out.put(JsonBuffer.ascii(NumberOutput.toString(v.value(), true)));
        } else if (value instanceof PgValue.DoubleValue v) {
            // Shortest round-trip digits (Schubfach); Java 17's Double.toString gives 9.999999999999999E22 for 1e23.
            out.put(JsonBuffer.ascii(NumberOutput.toString(v.value(), true)));
        } else if (value instanceof PgValue.DateValue v) {
            out.putLong(v.epochMillis());
        } else {
            throw new IllegalStateException("unrendered value type " + value.getClass().getName());
        }
    }
}
