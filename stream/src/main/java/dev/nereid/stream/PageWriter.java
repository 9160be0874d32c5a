package dev.nereid.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

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
    /** Everything after a record's data, by op and whether it closes its commit. */
    private static final byte[] REC_END_ADD = JsonBuffer.ascii(",\"op\":\"ADD\"}");
    private static final byte[] REC_END_REMOVE = JsonBuffer.ascii(",\"op\":\"REMOVE\"}");
    private static final byte[] REC_END_ADD_LAST = JsonBuffer.ascii(",\"op\":\"ADD\",\"isLastOp\":true}");
    private static final byte[] REC_END_REMOVE_LAST = JsonBuffer.ascii(",\"op\":\"REMOVE\",\"isLastOp\":true}");

    private static final int HEADER_FIXED = HEAD_COMMIT.length + HEAD_OP.length + HEAD_TIMESTAMP.length
            + HEAD_FORMAT.length + HEAD_RECORDS.length;
    private static final int TAIL_FIXED = TAIL_TOTAL.length + 1;
    /** A record without its numbers and data, counting the longer op and isLastOp. */
    private static final int RECORD_FIXED_MAX = 1 + REC_COMMIT.length + REC_OP.length + REC_TIMESTAMP.length
            + REC_DATA.length + REC_END_REMOVE_LAST.length;
    private static final int LONG_MAX_CHARS = 20;
    private static final int HEADER_MAX = HEADER_FIXED + longestFormatName() + 3 * LONG_MAX_CHARS;
    private static final byte[][] FORMAT_NAMES = formatNames();

    private final byte[] format;
    private int count;
    private long lastCommitNum;
    private long lastOpNum;
    private long lastTimestamp;

    // Records of one commit share all but their opNum up to the data: rendered once per commit,
    // this saves re-deriving two long numbers' digits and most of the copies for every record.
    private long cachedCommitNum = -1;
    private long cachedTimestamp = -1;
    /** ,{"eventId":{"commitNum":C,"opNum": — the leading comma is skipped for the first record. */
    private byte[] commitPrefix;
    /** },"commitTimestamp":T,"data": */
    private byte[] commitMiddle;
    /** Digits of C and T, the part of the header length that changes only with the commit. */
    private int commitHeaderDigits;
    private int countDigits = 1;
    private int nextCountBound = 10;

    private JsonBuffer out;
    private final PageSink sink;
    private final int chunkBytes;
    private long flushed;

    /** A writer that builds the whole body in memory; {@link #finish()} returns it. */
    PageWriter(StreamFormat format, int initialCapacity) {
        this.format = FORMAT_NAMES[format.ordinal()];
        this.out = new JsonBuffer(HEADER_MAX + TAIL_FIXED + LONG_MAX_CHARS + initialCapacity);
        this.sink = null;
        this.chunkBytes = 0;
        out.skip(HEADER_MAX);
    }

    /**
     * A writer that sends the body to {@code sink} in chunks of about {@code chunkBytes} as it
     * renders, starting with the header the plan already knows; {@link #finishTo()} ends it.
     */
    PageWriter(PagePlan plan, PageSink sink, int chunkBytes) {
        this.format = FORMAT_NAMES[plan.format().ordinal()];
        this.sink = sink;
        this.chunkBytes = chunkBytes;
        this.out = new JsonBuffer(chunkBytes + RECORD_FIXED_MAX + 3 * LONG_MAX_CHARS);
        writeHeader(out, plan.lastEventId().commitNum(), plan.lastEventId().opNum(), plan.lastTrxTimestamp());
    }

    int count() {
        return count;
    }

    /** Bytes of the records written so far, separating commas included. */
    int recordBytes() {
        return out.size() - HEADER_MAX;
    }

    EventId lastEventId() {
        return new EventId(lastCommitNum, lastOpNum);
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
        if (commitNum != cachedCommitNum || commitTimestamp != cachedTimestamp) {
            enterCommit(commitNum, commitTimestamp);
        }
        out.ensureRoom(RECORD_FIXED_MAX + 3L * LONG_MAX_CHARS + dataLength);
        if (count > 0) {
            out.put(commitPrefix);
        } else {
            out.put(commitPrefix, 1, commitPrefix.length - 1);
        }
        out.putLong(opNum);
        out.put(commitMiddle);
        out.put(record, dataStart, dataLength);
        out.put(op == Op.ADD ? (isLastOp ? REC_END_ADD_LAST : REC_END_ADD)
                : (isLastOp ? REC_END_REMOVE_LAST : REC_END_REMOVE));
        count++;
        if (count == nextCountBound) {
            countDigits++;
            nextCountBound *= 10;
        }
        lastCommitNum = commitNum;
        lastOpNum = opNum;
        lastTimestamp = commitTimestamp;
        if (sink != null) {
            if (out.size() >= chunkBytes) {
                flush();
            }
            return -1;
        }
        long headerLength = HEADER_FIXED + format.length + commitHeaderDigits + JsonBuffer.digits(opNum);
        return headerLength + recordBytes() + TAIL_FIXED + countDigits;
    }

    /**
     * The body length a page would have if it ended with this record, computed as {@link #append}
     * renders; {@link PageReader#plan} walks the events with it before anything is rendered.
     */
    static final class Measure {
        private final int formatLength;
        private long recordBytes;
        private int count;
        private int countDigits = 1;
        private int nextCountBound = 10;

        Measure(StreamFormat format) {
            this.formatLength = FORMAT_NAMES[format.ordinal()].length;
        }

        long add(long commitNum, long opNum, long commitTimestamp, boolean isLastOp, ByteBuffer record) {
            Op op = RecordCodec.op(record);
            int dataLength = record.limit() - record.position() - RecordCodec.dataOffset();
            long digits = JsonBuffer.digits(commitNum) + JsonBuffer.digits(opNum) + JsonBuffer.digits(commitTimestamp);
            byte[] end = op == Op.ADD ? (isLastOp ? REC_END_ADD_LAST : REC_END_ADD)
                    : (isLastOp ? REC_END_REMOVE_LAST : REC_END_REMOVE);
            recordBytes += (count > 0 ? 1 : 0) + REC_COMMIT.length + REC_OP.length + REC_TIMESTAMP.length
                    + REC_DATA.length + digits + dataLength + end.length;
            count++;
            if (count == nextCountBound) {
                countDigits++;
                nextCountBound *= 10;
            }
            return HEADER_FIXED + formatLength + digits + recordBytes + TAIL_FIXED + countDigits;
        }

        int count() {
            return count;
        }
    }

    private void enterCommit(long commitNum, long commitTimestamp) {
        JsonBuffer b = new JsonBuffer(REC_COMMIT.length + REC_TIMESTAMP.length + REC_OP.length + REC_DATA.length
                + 2 * LONG_MAX_CHARS + 1);
        b.put((byte) ',');
        b.put(REC_COMMIT);
        b.putLong(commitNum);
        b.put(REC_OP);
        commitPrefix = Arrays.copyOf(b.array(), b.size());
        b = new JsonBuffer(REC_TIMESTAMP.length + REC_DATA.length + LONG_MAX_CHARS);
        b.put(REC_TIMESTAMP);
        b.putLong(commitTimestamp);
        b.put(REC_DATA);
        commitMiddle = Arrays.copyOf(b.array(), b.size());
        commitHeaderDigits = JsonBuffer.digits(commitNum) + JsonBuffer.digits(commitTimestamp);
        cachedCommitNum = commitNum;
        cachedTimestamp = commitTimestamp;
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
        writeHeader(header, lastCommitNum, lastOpNum, lastTimestamp);
        int offset = HEADER_MAX - header.size();
        System.arraycopy(header.array(), 0, out.array(), offset, header.size());
        return new RenderedPage(out.array(), offset, out.size() - offset, count,
                new EventId(lastCommitNum, lastOpNum), lastTimestamp);
    }

    /** Completes a streamed body and hands the rest to the sink; returns the bytes written in all. */
    long finishTo() {
        if (count == 0) {
            throw new IllegalStateException("a page holds at least one record");
        }
        out.put(TAIL_TOTAL);
        out.putLong(count);
        out.put((byte) '}');
        flush();
        return flushed;
    }

    /** Hands the buffered bytes to the sink; its IOException travels unchecked to {@link PageReader#write}. */
    private void flush() {
        int size = out.size();
        try {
            sink.write(out.array(), 0, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        flushed += size;
        out = new JsonBuffer(chunkBytes + RECORD_FIXED_MAX + 3 * LONG_MAX_CHARS);
    }

    private void writeHeader(JsonBuffer header, long commitNum, long opNum, long timestamp) {
        header.put(HEAD_COMMIT);
        header.putLong(commitNum);
        header.put(HEAD_OP);
        header.putLong(opNum);
        header.put(HEAD_TIMESTAMP);
        header.putLong(timestamp);
        header.put(HEAD_FORMAT);
        header.put(format);
        header.put(HEAD_RECORDS);
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
