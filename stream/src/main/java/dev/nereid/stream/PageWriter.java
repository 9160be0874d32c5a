package dev.nereid.stream;

import java.nio.ByteBuffer;

/**
 * Renders one page body (spec §2.1) straight into bytes, record by record, and knows the exact body
 * length after each record so the 10 MB cap can be checked without rendering twice.
 *
 * <pre>
 * bytes: [ gap of HEADER_MAX ][ r1,r2,...,rN ][ ],"totalRecords":N} ]
 *                 ^ header written right-aligned into the gap by finish(); the page starts there
 * header  = {"lastEventId":{"commitNum":C,"opNum":O},"lastTrxTimestamp":T,"format":"F","records":[
 * record  = {"eventId":{"commitNum":C,"opNum":O},"commitTimestamp":T,"data":D,"op":"ADD|REMOVE"[,"isLastOp":true]}
 * </pre>
 *
 * The header names the last record, which is known only at the end: hence the gap.
 */
final class PageWriter {
    private static final byte[] HEAD_COMMIT = JsonBuffer.ascii("{\"lastEventId\":{\"commitNum\":");
    private static final byte[] HEAD_OP = JsonBuffer.ascii(",\"opNum\":");
    private static final byte[] HEAD_TIMESTAMP = JsonBuffer.ascii("},\"lastTrxTimestamp\":");
    private static final byte[] HEAD_FORMAT = JsonBuffer.ascii(",\"format\":\"");
    private static final byte[] HEAD_RECORDS = JsonBuffer.ascii("\",\"records\":[");
    private static final byte[] TAIL_TOTAL = JsonBuffer.ascii("],\"totalRecords\":");
    private static final byte[] REC_COMMIT = JsonBuffer.ascii("{\"eventId\":{\"commitNum\":");
    private static final byte[] REC_OP = JsonBuffer.ascii(",\"opNum\":");
    private static final byte[] REC_TIMESTAMP = JsonBuffer.ascii("},\"commitTimestamp\":");
    private static final byte[] REC_DATA = JsonBuffer.ascii(",\"data\":");
    private static final byte[] REC_ADD = JsonBuffer.ascii(",\"op\":\"ADD\"");
    private static final byte[] REC_REMOVE = JsonBuffer.ascii(",\"op\":\"REMOVE\"");
    private static final byte[] REC_LAST_OP = JsonBuffer.ascii(",\"isLastOp\":true");

    private static final int HEADER_FIXED = HEAD_COMMIT.length + HEAD_OP.length + HEAD_TIMESTAMP.length
            + HEAD_FORMAT.length + HEAD_RECORDS.length;
    private static final int TAIL_FIXED = TAIL_TOTAL.length + 1;
    /** A record without its numbers and data, counting the longer op and isLastOp. */
    private static final int RECORD_FIXED_MAX = 1 + REC_COMMIT.length + REC_OP.length + REC_TIMESTAMP.length
            + REC_DATA.length + REC_REMOVE.length + REC_LAST_OP.length + 1;
    private static final int LONG_MAX_CHARS = 20;
    private static final int HEADER_MAX = HEADER_FIXED + longestFormatName() + 3 * LONG_MAX_CHARS;
    private static final byte[][] FORMAT_NAMES = formatNames();

    private final JsonBuffer out;
    private final byte[] format;
    private int count;
    private long lastCommitNum;
    private long lastOpNum;
    private long lastTimestamp;

    PageWriter(StreamFormat format, int initialCapacity) {
        this.format = FORMAT_NAMES[format.ordinal()];
        this.out = new JsonBuffer(HEADER_MAX + TAIL_FIXED + LONG_MAX_CHARS + initialCapacity);
        out.skip(HEADER_MAX);
    }

    int count() {
        return count;
    }

    /** Bytes of the records written so far, separating commas included. */
    int recordBytes() {
        return out.size() - HEADER_MAX;
    }

    /** Grows the buffer once, so a page expected to hold {@code bytes} of records is not copied repeatedly. */
    void expectRecordBytes(long bytes) {
        out.ensureRoom(bytes - recordBytes());
    }

    /**
     * Appends one event, whose stored record ({@link RecordCodec}) starts at {@code record}'s
     * position, and returns the exact length of the body if the page ended here.
     */
    long append(long commitNum, long opNum, long commitTimestamp, boolean isLastOp, ByteBuffer record) {
        Op op = RecordCodec.op(record);
        int dataStart = record.position() + RecordCodec.dataOffset();
        int dataLength = record.limit() - dataStart;
        if (dataLength <= 0) {
            throw new IllegalStateException("stored record without data at " + commitNum + ":" + opNum);
        }
        out.ensureRoom(RECORD_FIXED_MAX + 3L * LONG_MAX_CHARS + dataLength);
        if (count > 0) {
            out.put((byte) ',');
        }
        out.put(REC_COMMIT);
        out.putLong(commitNum);
        out.put(REC_OP);
        out.putLong(opNum);
        out.put(REC_TIMESTAMP);
        out.putLong(commitTimestamp);
        out.put(REC_DATA);
        out.put(record, dataStart, dataLength);
        out.put(op == Op.ADD ? REC_ADD : REC_REMOVE);
        if (isLastOp) {
            out.put(REC_LAST_OP);
        }
        out.put((byte) '}');
        count++;
        lastCommitNum = commitNum;
        lastOpNum = opNum;
        lastTimestamp = commitTimestamp;
        return headerLength() + (long) recordBytes() + TAIL_FIXED + JsonBuffer.digits(count);
    }

    /** Completes the body; the writer must not be used afterwards. */
    RenderedPage finish() {
        if (count == 0) {
            throw new IllegalStateException("a page holds at least one record");
        }
        out.put(TAIL_TOTAL);
        out.putLong(count);
        out.put((byte) '}');

        JsonBuffer header = new JsonBuffer(HEADER_MAX);
        header.put(HEAD_COMMIT);
        header.putLong(lastCommitNum);
        header.put(HEAD_OP);
        header.putLong(lastOpNum);
        header.put(HEAD_TIMESTAMP);
        header.putLong(lastTimestamp);
        header.put(HEAD_FORMAT);
        header.put(format);
        header.put(HEAD_RECORDS);
        int offset = HEADER_MAX - header.size();
        System.arraycopy(header.array(), 0, out.array(), offset, header.size());
        return new RenderedPage(out.array(), offset, out.size() - offset, count,
                new EventId(lastCommitNum, lastOpNum), lastTimestamp);
    }

    private long headerLength() {
        return HEADER_FIXED + format.length + JsonBuffer.digits(lastCommitNum) + JsonBuffer.digits(lastOpNum)
                + JsonBuffer.digits(lastTimestamp);
    }

    private static int longestFormatName() {
        int longest = 0;
        for (StreamFormat f : StreamFormat.values()) {
            longest = Math.max(longest, f.name().length());
        }
        return longest;
    }

    private static byte[][] formatNames() {
        StreamFormat[] formats = StreamFormat.values();
        byte[][] names = new byte[formats.length][];
        for (StreamFormat f : formats) {
            names[f.ordinal()] = JsonBuffer.ascii(f.name());
        }
        return names;
    }
}
