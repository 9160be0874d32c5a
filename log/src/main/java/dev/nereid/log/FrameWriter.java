package dev.nereid.log;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Encodes commits as frames and writes segment headers: the only code that writes the segment
 * format, so its byte layout lives here.
 *
 * <pre>
 * Segment file "NNNNNNNNNNNNNNNNNNNN.log" (the first commitNum it may hold, 20 digits zero-padded).
 * All integers big-endian.
 *
 *   offset  size  field
 *   0       8     magic and format version, ASCII "NRDLOG01"
 *   8       ...   frames, back to back, up to the end of the file
 *
 * Frame (one commit, never split across segments):
 *
 *   offset  size  field
 *   0       4     int32  bodyLength      bytes of the body, >= 20
 *   4       4     int32  bodyCrc         CRC32C of the body
 *   8       8     int64  commitNum       previous frame's + 1; the segment's first is its base
 *   16      8     int64  commitTimestamp epoch ms, never below the previous frame's
 *   24      4     int32  recordCount     >= 1
 *   28      ...   recordCount times:
 *                   4     int32 recordLength   >= 0
 *                   n     the record's bytes
 *
 * The body (offset 8 onwards) is exactly filled by its records. A frame is valid only if all of
 * the above hold; recovery truncates a segment at its first invalid frame. A zero-filled tail
 * reads as bodyLength 0, so it is invalid.
 * </pre>
 */
final class FrameWriter {

    static final byte[] SEGMENT_MAGIC = "NRDLOG01".getBytes(StandardCharsets.US_ASCII);
    static final int SEGMENT_HEADER_BYTES = SEGMENT_MAGIC.length;
    /** bodyLength + bodyCrc. */
    static final int FRAME_HEADER_BYTES = 8;
    /** commitNum + commitTimestamp + recordCount. */
    static final int BODY_FIXED_BYTES = 20;
    /** What a seek reads of a frame: its header and the body's fixed part, never the records. */
    static final int FRAME_PREFIX_BYTES = FRAME_HEADER_BYTES + BODY_FIXED_BYTES;

    private static final int MAX_FRAME_BYTES = Integer.MAX_VALUE - 64;

    private FrameWriter() {
    }

    /** Size on disk of the frame holding these records. */
    static long frameLength(List<byte[]> records) {
        long length = FRAME_PREFIX_BYTES;
        for (byte[] record : records) {
            length += 4L + record.length;
        }
        return length;
    }

    /**
     * Encodes the records of a commit whose number and timestamp are not yet known, so the copying
     * happens outside the append lock. {@link #seal} fills in the rest.
     */
    static ByteBuffer encodeRecords(List<byte[]> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a commit holds at least one record");
        }
        long length = frameLength(records);
        if (length > MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("commit too large for one frame: " + length + " bytes");
        }
        ByteBuffer frame = ByteBuffer.allocate((int) length);
        frame.position(FRAME_HEADER_BYTES + 16);
        frame.putInt(records.size());
        for (byte[] record : records) {
            frame.putInt(record.length);
            frame.put(record);
        }
        return frame.flip();
    }

    /** Stamps the commit's number and timestamp into a frame from {@link #encodeRecords}, then its CRC. */
    static void seal(ByteBuffer frame, long commitNum, long commitTimestamp) {
        int bodyLength = frame.limit() - FRAME_HEADER_BYTES;
        frame.putInt(0, bodyLength);
        frame.putLong(FRAME_HEADER_BYTES, commitNum);
        frame.putLong(FRAME_HEADER_BYTES + 8, commitTimestamp);
        CRC32C crc = new CRC32C();
        crc.update(frame.array(), frame.arrayOffset() + FRAME_HEADER_BYTES, bodyLength);
        frame.putInt(4, (int) crc.getValue());
    }

    /** Writes a new segment's header at position 0. */
    static void writeSegmentHeader(RandomAccessFile file) throws IOException {
        writeFully(file, ByteBuffer.wrap(SEGMENT_MAGIC), 0);
    }

    /** Writes a heap buffer's remaining bytes at {@code position}. */
    static void writeFully(RandomAccessFile file, ByteBuffer bytes, long position) throws IOException {
        file.seek(position);
        file.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        bytes.position(bytes.limit());
    }

    static void writeFully(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }
}
