package dev.nereid.log;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One segment file: a run of whole commits starting at {@link #base()}, its sparse index, and —
 * while it is the segment being appended to — the writer's channel. Readers never use that
 * channel; they open their own.
 *
 * <p>Frames are written under the log's append lock; the writer's channel is forced and sealed
 * under its force lock. The volatile fields are read by cursors and queries without locks.
 */
final class Segment {

    private static final String SUFFIX = ".log";
    private static final int DIGITS = 20;

    private final long base;
    private final Path path;
    private final SegmentIndex index;
    private volatile long size;
    private volatile CommitInfo firstCommit;
    private volatile CommitInfo lastCommit;
    /** The segment rolled to after this one; set before any frame is written there. */
    private volatile Segment successor;
    /**
     * The append handle. A RandomAccessFile, not a FileChannel: an interrupt of a thread blocked in a
     * FileChannel closes the channel, and callers' threads get interrupted (query timeouts, closing
     * sessions), which would break the log for everyone. Plain file writes and FileDescriptor.sync
     * ignore interrupts.
     */
    private RandomAccessFile writer;

    private Segment(long base, Path path, SegmentIndex index, long size, CommitInfo first, CommitInfo last) {
        this.base = base;
        this.path = path;
        this.index = index;
        this.size = size;
        this.firstCommit = first;
        this.lastCommit = last;
    }

    static String fileName(long base) {
        return String.format("%0" + DIGITS + "d%s", base, SUFFIX);
    }

    /** The base commitNum a segment file name encodes, or -1 if the name is not a segment's. */
    static long parseBase(String fileName) {
        if (fileName.length() != DIGITS + SUFFIX.length() || !fileName.endsWith(SUFFIX)) {
            return -1;
        }
        long base = 0;
        for (int i = 0; i < DIGITS; i++) {
            char c = fileName.charAt(i);
            if (c < '0' || c > '9' || base > (Long.MAX_VALUE - 9) / 10) {
                return -1;
            }
            base = base * 10 + (c - '0');
        }
        return base >= 1 ? base : -1;
    }

    /** Creates a new, empty segment file with its header; the caller fsyncs the directory. */
    static Segment create(Path dir, long base, boolean force) throws IOException {
        Path path = dir.resolve(fileName(base));
        Files.createFile(path);
        RandomAccessFile channel = new RandomAccessFile(path.toFile(), "rw");
        try {
            FrameWriter.writeSegmentHeader(channel);
            if (force) {
                channel.getFD().sync();
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        Segment segment = new Segment(base, path, new SegmentIndex(), FrameWriter.SEGMENT_HEADER_BYTES, null, null);
        segment.writer = channel;
        return segment;
    }

    /** A segment as recovery found it; sealed until {@link #openForAppend()}. */
    static Segment recovered(Path path, long base, long size, SegmentIndex index, CommitInfo first, CommitInfo last) {
        return new Segment(base, path, index, size, first, last);
    }

    void openForAppend() throws IOException {
        writer = new RandomAccessFile(path.toFile(), "rw");
    }

    /** Writes a sealed frame at the end. Call under the append lock only. */
    void append(ByteBuffer frame, CommitInfo commit) throws IOException {
        long position = size;
        FrameWriter.writeFully(writer, frame, position);
        index.onFrame(commit.commitNum(), position, commit.commitTimestamp());
        if (firstCommit == null) {
            firstCommit = commit;
        }
        lastCommit = commit;
        size = position + frame.limit();
    }

    /** Forces what was written here; a sealed segment was forced when it was sealed, if ever. */
    void force() throws IOException {
        RandomAccessFile file = writer;
        if (file != null) {
            file.getFD().sync();
        }
    }

    /**
     * The newest commit here that is older than {@code timestampExclusive} and at most
     * {@code maxCommitNum}; the caller knows the first commit qualifies. Floor entry in the index,
     * then frame headers forward; records are never read. Opens its own channel, so a
     * {@link java.nio.file.NoSuchFileException} means retention deleted the file.
     */
    CommitInfo lastCommitBefore(long timestampExclusive, long maxCommitNum) throws IOException {
        SegmentIndex.Entry entry = index.lastBefore(timestampExclusive, maxCommitNum);
        long limit = Math.min(maxCommitNum, lastCommit.commitNum());
        ByteBuffer scratch = ByteBuffer.allocate(FrameWriter.FRAME_PREFIX_BYTES);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long position = entry.position();
            FrameHeader header = FrameHeader.read(channel, position, scratch);
            CommitInfo best = header.commit();
            while (best.commitNum() < limit) {
                position += header.frameLength();
                header = FrameHeader.read(channel, position, scratch);
                if (header.commit().commitTimestamp() >= timestampExclusive) {
                    break;
                }
                best = header.commit();
            }
            return best;
        }
    }

    /** Closes the writer's channel; the segment is read-only from now on. */
    void seal() throws IOException {
        if (writer != null) {
            RandomAccessFile file = writer;
            writer = null;
            file.close();
        }
    }

    void linkSuccessor(Segment next) {
        successor = next;
    }

    long base() {
        return base;
    }

    Path path() {
        return path;
    }

    SegmentIndex index() {
        return index;
    }

    long size() {
        return size;
    }

    /** The first commit written here, or null while the segment is empty. */
    CommitInfo firstCommit() {
        return firstCommit;
    }

    /** The newest commit written here (maybe not yet durable), or null while the segment is empty. */
    CommitInfo lastCommit() {
        return lastCommit;
    }

    Segment successor() {
        return successor;
    }

    /** The commitNum the next frame written here would take. */
    long nextCommitNum() {
        CommitInfo last = lastCommit;
        return last == null ? base : last.commitNum() + 1;
    }

    @Override
    public String toString() {
        return path.getFileName().toString();
    }
}
