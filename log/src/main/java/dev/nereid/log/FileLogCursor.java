package dev.nereid.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * A cursor over the segment files: the hot path of serving stream pages. It reads large blocks
 * with positional reads into one buffer and hands out each record as a read-only slice of that
 * buffer: the slice is the only allocation per record, and it makes absolute indexes start at
 * the record.
 *
 * <p>It opens its own read-only channel on each segment it visits: retention may unlink a file
 * under it (the open file stays readable) and the writer's channel is never shared. It stops at
 * the last durable commit and interprets no byte beyond it, because bytes past it may be half
 * written; a later {@link #next()} picks up commits made durable since.
 */
final class FileLogCursor implements LogCursor {

    /** The largest block read at once; a frame larger than this gets a buffer of its own size. */
    static final int BUFFER_BYTES = 256 * 1024;
    /**
     * The first block read. A stream page is often a handful of records, so a cursor starts small
     * and doubles its block with every refill while it keeps reading.
     */
    private static final int FIRST_BUFFER_BYTES = 16 * 1024;

    private final FileChangeLog log;
    private final long generation;
    private final CRC32C crc = new CRC32C();
    private ByteBuffer buffer = ByteBuffer.allocate(FIRST_BUFFER_BYTES);
    private ByteBuffer bufferView = buffer.asReadOnlyBuffer();
    private boolean filledBefore;

    /** Holds the current frame whole: {@link #buffer}, or a larger one for a frame that does not fit. */
    private ByteBuffer data = buffer;
    private ByteBuffer view = bufferView;
    private ByteBuffer record;
    /** File position of data[0], and how many bytes of data are valid. */
    private long dataStart;
    private int dataLength;

    private Segment segment;
    private FileChannel channel;

    // Start position not yet located because it was not durable when the cursor was opened.
    private boolean pending;
    private long pendingCommitNum;
    private long pendingOpNum;

    // The current frame.
    private long commitNum;
    private long commitTimestamp;
    private int recordCount;
    private int opNum;
    /** Offset in data of the next record's length. */
    private int recordOffset;
    /** File position just past the current frame. */
    private long frameEnd;

    private boolean closed;

    private FileLogCursor(FileChangeLog log, long generation) {
        this.log = log;
        this.generation = generation;
    }

    /**
     * Positions a cursor at the smallest stored event id {@code >= (commitNum, opNum)}. A start that
     * is durable now is located at once (and its segment opened); a later one when it becomes so.
     */
    static FileLogCursor open(FileChangeLog log, long commitNum, long opNum) throws IOException {
        FileChangeLog.DurablePoint point = log.durablePoint();
        FileLogCursor cursor = new FileLogCursor(log, point.generation());
        cursor.pending = true;
        if (opNum > Integer.MAX_VALUE) {
            cursor.pendingCommitNum = Math.max(1, commitNum) + 1;
            cursor.pendingOpNum = 1;
        } else {
            cursor.pendingCommitNum = Math.max(1, commitNum);
            cursor.pendingOpNum = commitNum < 1 ? 1 : Math.max(1, opNum);
        }
        long firstPossible = log.lastDeleted().map(deleted -> deleted.commitNum() + 1).orElse(1L);
        boolean nothingStored = point.commit() == null || log.segments().firstStored() == null;
        if (nothingStored && cursor.pendingCommitNum < firstPossible) {
            // Nothing is stored: a start before the commits to come is a start at the first of them.
            cursor.pendingCommitNum = firstPossible;
            cursor.pendingOpNum = 1;
        }
        try {
            if (!nothingStored && cursor.pendingCommitNum <= point.commit().commitNum()) {
                cursor.locateStart(point, true);
            }
        } catch (IOException | RuntimeException e) {
            cursor.close();
            throw e;
        }
        return cursor;
    }

    @Override
    public boolean next() throws IOException {
        if (closed) {
            throw new IOException("cursor closed");
        }
        if (pending) {
            FileChangeLog.DurablePoint point = checkedDurablePoint();
            if (point.commit() == null || pendingCommitNum > point.commit().commitNum()) {
                return false;
            }
            // The start was in the future when the cursor opened; if it is gone now, it expired.
            locateStart(point, false);
        }
        if (opNum >= recordCount && !nextFrame()) {
            return false;
        }
        int length = data.getInt(recordOffset);
        int start = recordOffset + 4;
        record = view.slice(start, length);
        recordOffset = start + length;
        opNum++;
        return true;
    }

    private boolean nextFrame() throws IOException {
        FileChangeLog.DurablePoint point = checkedDurablePoint();
        long wanted = commitNum + 1;
        if (point.commit() == null || wanted > point.commit().commitNum()) {
            return false;
        }
        long position = frameEnd;
        Segment successor = segment.successor();
        if (successor != null && successor.base() == wanted) {
            switchTo(successor);
            position = FrameWriter.SEGMENT_HEADER_BYTES;
        }
        loadFrame(position, wanted, point);
        return true;
    }

    private void locateStart(FileChangeLog.DurablePoint point, boolean startAtFirstKept) throws IOException {
        long wanted = pendingCommitNum;
        long wantedOp = pendingOpNum;
        SegmentList segments = log.segments();
        CommitInfo first = segments.firstStored();
        if (first == null || wanted < first.commitNum()) {
            if (!startAtFirstKept || first == null) {
                throw new SegmentDeletedException("commit " + wanted + " is no longer stored");
            }
            wanted = first.commitNum();
            wantedOp = 1;
        }
        Segment holder = segments.holding(wanted);
        if (holder == null) {
            throw new SegmentDeletedException("commit " + wanted + " is no longer stored");
        }
        switchTo(holder);
        SegmentIndex.Entry entry = holder.index().floor(wanted);
        long position = entry.position();
        // Skip whole frames by their length; their records are never looked at.
        for (long at = entry.commitNum(); at < wanted; at++) {
            int offset = ensure(position, FrameWriter.FRAME_HEADER_BYTES, point);
            position += FrameWriter.FRAME_HEADER_BYTES + data.getInt(offset);
        }
        loadFrame(position, wanted, point);
        if (wantedOp > recordCount) {
            opNum = recordCount;
        } else {
            for (int op = 1; op < wantedOp; op++) {
                recordOffset += 4 + data.getInt(recordOffset);
            }
            opNum = (int) wantedOp - 1;
        }
        pending = false;
    }

    /** Makes the frame at {@code position} current, checking it is whole, intact and the one expected. */
    private void loadFrame(long position, long expectedCommitNum, FileChangeLog.DurablePoint point) throws IOException {
        int offset = ensure(position, FrameWriter.FRAME_HEADER_BYTES, point);
        int bodyLength = data.getInt(offset);
        offset = ensure(position, FrameWriter.FRAME_HEADER_BYTES + bodyLength, point);
        int body = offset + FrameWriter.FRAME_HEADER_BYTES;
        crc.reset();
        crc.update(data.array(), data.arrayOffset() + body, bodyLength);
        long found = data.getLong(body);
        if ((int) crc.getValue() != data.getInt(offset + 4) || found != expectedCommitNum) {
            throw new IOException("damaged frame in " + segment + " at byte " + position + ": expected commit "
                    + expectedCommitNum + ", found " + found);
        }
        commitNum = found;
        commitTimestamp = data.getLong(body + 8);
        recordCount = data.getInt(body + 16);
        recordOffset = body + FrameWriter.BODY_FIXED_BYTES;
        opNum = 0;
        frameEnd = position + FrameWriter.FRAME_HEADER_BYTES + bodyLength;
    }

    /**
     * Makes the file's bytes [position, position + length) available and returns their offset in
     * {@link #data}. Reads only up to the durable end of the segment being appended to.
     */
    private int ensure(long position, int length, FileChangeLog.DurablePoint point) throws IOException {
        if (position >= dataStart && position + length <= dataStart + dataLength) {
            return (int) (position - dataStart);
        }
        growBuffer(length);
        if (length <= buffer.capacity()) {
            data = buffer;
            view = bufferView;
        } else {
            data = ByteBuffer.allocate(length);
            view = data.asReadOnlyBuffer();
        }
        long readable = segment == point.segment() ? point.endPosition() - position : Long.MAX_VALUE;
        int wanted = (int) Math.min(data.capacity(), readable);
        if (wanted < length) {
            throw new IOException("frame in " + segment + " at byte " + position + " extends past the durable end");
        }
        data.clear().limit(wanted);
        dataStart = position;
        dataLength = 0;
        long at = position;
        while (data.hasRemaining()) {
            int n = channel.read(data, at);
            if (n < 0) {
                break;
            }
            at += n;
        }
        dataLength = data.position();
        data.clear();
        if (dataLength < length) {
            throw new IOException("segment " + segment + " ends at byte " + (position + dataLength)
                    + " inside a durable frame");
        }
        return 0;
    }

    /** Doubles the block on every refill after the first, and grows it for a frame that needs it. */
    private void growBuffer(int length) {
        int capacity = buffer.capacity();
        int wanted = filledBefore ? capacity * 2 : capacity;
        while (wanted < length && wanted < BUFFER_BYTES) {
            wanted *= 2;
        }
        wanted = Math.min(wanted, BUFFER_BYTES);
        if (wanted > capacity) {
            buffer = ByteBuffer.allocate(wanted);
            bufferView = buffer.asReadOnlyBuffer();
        }
        filledBefore = true;
    }

    private void switchTo(Segment next) throws IOException {
        FileChannel opened;
        try {
            opened = FileChannel.open(next.path(), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new SegmentDeletedException("segment " + next + " was deleted");
        }
        if (channel != null) {
            channel.close();
        }
        channel = opened;
        segment = next;
        dataStart = 0;
        dataLength = 0;
    }

    private FileChangeLog.DurablePoint checkedDurablePoint() throws SegmentDeletedException {
        FileChangeLog.DurablePoint point = log.durablePoint();
        if (point.generation() != generation) {
            throw new SegmentDeletedException("the log was reset");
        }
        return point;
    }

    @Override
    public long commitNum() {
        return commitNum;
    }

    @Override
    public int opNum() {
        return opNum;
    }

    @Override
    public long commitTimestamp() {
        return commitTimestamp;
    }

    @Override
    public int recordCount() {
        return recordCount;
    }

    @Override
    public ByteBuffer record() {
        return record;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            if (channel != null) {
                channel.close();
            }
        }
    }
}
