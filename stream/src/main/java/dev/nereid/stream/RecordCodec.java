package dev.nereid.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * How a stream record is stored as one opaque log record. The {@code data} object is stored
 * already rendered, so serving a page copies bytes instead of building JSON.
 *
 * <pre>
 * byte 0      op: 0 = ADD, 1 = REMOVE
 * bytes 1..n  the record's "data" object as compact UTF-8 JSON, exactly as it goes on the wire
 * </pre>
 */
public final class RecordCodec {
    private static final byte ADD = 0;
    private static final byte REMOVE = 1;

    private RecordCodec() {
    }

    public static byte[] encode(Op op, byte[] dataJson) {
        byte[] out = new byte[dataJson.length + 1];
        out[0] = op == Op.ADD ? ADD : REMOVE;
        System.arraycopy(dataJson, 0, out, 1, dataJson.length);
        return out;
    }

    public static byte[] encode(Op op, String dataJson) {
        return encode(op, dataJson.getBytes(StandardCharsets.UTF_8));
    }

    /** The op of a stored record; the buffer's position is not moved. */
    public static Op op(ByteBuffer record) {
        byte b = record.get(record.position());
        return switch (b) {
            case ADD -> Op.ADD;
            case REMOVE -> Op.REMOVE;
            default -> throw new IllegalArgumentException("not a stream record: op byte " + b);
        };
    }

    /** The data JSON of a stored record, copied out; the buffer's position is not moved. */
    public static byte[] data(ByteBuffer record) {
        byte[] json = new byte[record.remaining() - 1];
        record.get(record.position() + 1, json);
        return json;
    }

    /** The PG data of a stored property-graph record; the buffer's position is not moved. */
    public static PgData pgData(ByteBuffer record) {
        return PgData.fromJson(data(record));
    }

    /** Offset of the data JSON from the record's position. */
    public static int dataOffset() {
        return 1;
    }
}
