package dev.nereid.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Reads a segment file front to back and checks every frame against the format written by
 * {@link FrameWriter}: recovery's view of a segment. It stops at the first frame that is not
 * valid and says why, so the caller can truncate there.
 */
final class FrameReader {

    /** A valid frame: the commit it holds and where it lies in the file. */
    record Frame(CommitInfo commit, long position, int length) {
    }

    private static final int BUFFER_BYTES = 1 << 20;

    private final FileChannel channel;
    private final long fileSize;
    private final CRC32C crc = new CRC32C();
    private ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    private long bufferStart;
    private long position;
    private String problem;

    FrameReader(FileChannel channel, long fileSize) {
        this.channel = channel;
        this.fileSize = fileSize;
        this.buffer.limit(0);
    }

    /** Checks the segment header; afterwards {@link #position()} is the first frame's. */
    boolean readSegmentHeader() throws IOException {
        if (fileSize < FrameWriter.SEGMENT_HEADER_BYTES) {
            problem = "file shorter than the segment header";
            return false;
        }
        fill(0, FrameWriter.SEGMENT_HEADER_BYTES);
        byte[] magic = new byte[FrameWriter.SEGMENT_HEADER_BYTES];
        buffer.get(0, magic);
        if (!Arrays.equals(magic, FrameWriter.SEGMENT_MAGIC)) {
            problem = "bad segment header";
            return false;
        }
        position = FrameWriter.SEGMENT_HEADER_BYTES;
        return true;
    }

    /**
     * Reads the frame at {@link #position()}; null at the end of the file or at an invalid frame
     * (then {@link #problem()} says which). A valid frame moves the position past it.
     */
    FrameReader.Frame next(long expectedCommitNum, long minTimestamp) throws IOException {
        long remaining = fileSize - position;
        if (remaining == 0) {
            return null;
        }
        if (remaining < FrameWriter.FRAME_HEADER_BYTES) {
            return invalid("short frame header");
        }
        fill(position, FrameWriter.FRAME_HEADER_BYTES);
        int at = (int) (position - bufferStart);
        int bodyLength = buffer.getInt(at);
        int bodyCrc = buffer.getInt(at + 4);
        if (bodyLength < FrameWriter.BODY_FIXED_BYTES) {
            return invalid("body length " + bodyLength + " below the minimum");
        }
        if (bodyLength > remaining - FrameWriter.FRAME_HEADER_BYTES) {
            return invalid("body length " + bodyLength + " beyond the end of the file");
        }
        int frameLength = FrameWriter.FRAME_HEADER_BYTES + bodyLength;
        fill(position, frameLength);
        at = (int) (position - bufferStart);
        int body = at + FrameWriter.FRAME_HEADER_BYTES;
        crc.reset();
        crc.update(buffer.array(), body, bodyLength);
        if ((int) crc.getValue() != bodyCrc) {
            return invalid("CRC mismatch");
        }
        long commitNum = buffer.getLong(body);
        long timestamp = buffer.getLong(body + 8);
        int recordCount = buffer.getInt(body + 16);
        if (commitNum != expectedCommitNum) {
            return invalid("commitNum " + commitNum + " where " + expectedCommitNum + " was expected");
        }
        if (timestamp < minTimestamp) {
            return invalid("timestamp " + timestamp + " below the previous " + minTimestamp);
        }
        if (recordCount < 1 || !recordsFillBody(body, bodyLength, recordCount)) {
            return invalid("records do not fill the body");
        }
        Frame frame = new Frame(new CommitInfo(commitNum, timestamp, recordCount), position, frameLength);
        position += frameLength;
        return frame;
    }

    /** Where the next frame starts: after a null from {@link #next}, the end of the valid part. */
    long position() {
        return position;
    }

    String problem() {
        return problem;
    }

    private boolean recordsFillBody(int body, int bodyLength, int recordCount) {
        long at = body + FrameWriter.BODY_FIXED_BYTES;
        long end = (long) body + bodyLength;
        for (int i = 0; i < recordCount; i++) {
            if (at + 4 > end) {
                return false;
            }
            int length = buffer.getInt((int) at);
            if (length < 0) {
                return false;
            }
            at += 4L + length;
        }
        return at == end;
    }

    private Frame invalid(String why) {
        problem = why;
        return null;
    }

    /** Makes the file's bytes [from, from + length) available in the buffer. */
    private void fill(long from, int length) throws IOException {
        if (from >= bufferStart && from + length <= bufferStart + buffer.limit()) {
            return;
        }
        if (buffer.capacity() < length) {
            buffer = ByteBuffer.allocate(length);
        } else if (buffer.capacity() > BUFFER_BYTES && length <= BUFFER_BYTES) {
            buffer = ByteBuffer.allocate(BUFFER_BYTES);
        }
        buffer.clear();
        long wanted = Math.min(buffer.capacity(), fileSize - from);
        buffer.limit((int) wanted);
        long at = from;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("segment shrank while being recovered");
            }
            at += n;
        }
        buffer.flip();
        bufferStart = from;
    }
}
