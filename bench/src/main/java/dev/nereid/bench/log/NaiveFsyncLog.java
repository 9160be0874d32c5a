package dev.nereid.bench.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The design group commit replaces, as the append baseline: one lock held across write and
 * {@link FileChannel#force} of every commit, so each committer pays a whole fsync and waits for all
 * those queued before it. Frames have the layout of Nereid's (length, CRC32C, commitNum,
 * timestamp, length-prefixed records), encoded outside the lock and stamped inside it as Nereid
 * does, so the two differ only in how forces are shared.
 */
final class NaiveFsyncLog implements Closeable {
    private static final int FRAME_PREFIX_BYTES = 28;

    private final FileChannel channel;
    private long position;
    private long lastCommitNum;

    private NaiveFsyncLog(FileChannel channel) {
        this.channel = channel;
    }

    static NaiveFsyncLog create(Path file) throws IOException {
        return new NaiveFsyncLog(FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    /** Returns the commit's number once its bytes are forced. */
    long append(List<byte[]> records) throws IOException {
        ByteBuffer frame = encode(records);
        synchronized (this) {
            long commitNum = ++lastCommitNum;
            frame.putLong(8, commitNum);
            frame.putLong(16, System.currentTimeMillis());
            CRC32C crc = new CRC32C();
            crc.update(frame.array(), 8, frame.limit() - 8);
            frame.putInt(4, (int) crc.getValue());
            while (frame.hasRemaining()) {
                position += channel.write(frame, position);
            }
            channel.force(false);
            return commitNum;
        }
    }

    private static ByteBuffer encode(List<byte[]> records) {
        int length = FRAME_PREFIX_BYTES;
        for (byte[] r : records) {
            length += 4 + r.length;
        }
        ByteBuffer frame = ByteBuffer.allocate(length);
        frame.putInt(0, length - 8);
        frame.position(24);
        frame.putInt(records.size());
        for (byte[] r : records) {
            frame.putInt(r.length).put(r);
        }
        return frame.flip();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
