package dev.nereid.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The in-memory twin of {@link FileChangeLog}, for tests of the modules built on the log: the same
 * numbering, clock-driven timestamps, cursor positioning, snapshot bookkeeping and reset, all lost
 * when the object is dropped.
 *
 * <p>Retention deletes the same commits the file log would: each commit is accounted for with the
 * size its frame would have on disk ({@link FrameWriter#frameLength}) in notional segments that
 * roll exactly when a file segment would (a segment is closed once it holds at least
 * {@link LogConfig#segmentBytes()} bytes, header included). So with the same config and the same
 * records, both logs delete the same segments and report the same byte counts.
 *
 * <p>{@link LogConfig#durability()} is ignored: every append is "durable" when it returns. One
 * difference remains, only visible under races: a file cursor keeps reading a segment deleted
 * under it, while this cursor throws {@link SegmentDeletedException} for any deleted commit.
 */
public final class MemoryChangeLog implements ChangeLog {

    private record Commit(CommitInfo info, byte[][] records) {
    }

    /** A segment the file log would have: where it starts, how big it would be, its newest commit. */
    private static final class NotionalSegment {
        final long base;
        long bytes = FrameWriter.SEGMENT_HEADER_BYTES;
        CommitInfo lastCommit;

        NotionalSegment(long base) {
            this.base = base;
        }
    }

    private final LogConfig config;
    private final List<Commit> commits = new ArrayList<>();
    private final List<NotionalSegment> segments = new ArrayList<>();
    private long nextCommitNum = 1;
    private long lastTimestamp = Long.MIN_VALUE;
    private CommitInfo lastDeleted;
    private long snapshotCommitNum = -1;
    private long generation;
    private boolean closed;

    public MemoryChangeLog() {
        this(LogConfig.defaults());
    }

    public MemoryChangeLog(LogConfig config) {
        this.config = config;
        segments.add(new NotionalSegment(1));
    }

    @Override
    public synchronized List<CommitInfo> appendAll(List<List<byte[]>> batch) throws IOException {
        if (batch.isEmpty() || batch.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a commit holds at least one record");
        }
        List<CommitInfo> infos = new ArrayList<>(batch.size());
        for (List<byte[]> records : batch) {
            infos.add(append(records));
        }
        return infos;
    }

    @Override
    public synchronized CommitInfo append(List<byte[]> records) throws IOException {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a commit holds at least one record");
        }
        ensureOpen();
        byte[][] copies = new byte[records.size()][];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = records.get(i).clone();
        }
        CommitInfo info = new CommitInfo(nextCommitNum, Math.max(config.clock().millis(), lastTimestamp),
                copies.length);
        NotionalSegment active = segments.get(segments.size() - 1);
        if (active.bytes >= config.segmentBytes()) {
            active = new NotionalSegment(nextCommitNum);
            segments.add(active);
        }
        active.bytes += FrameWriter.frameLength(records);
        active.lastCommit = info;
        commits.add(new Commit(info, copies));
        nextCommitNum++;
        lastTimestamp = info.commitTimestamp();
        return info;
    }

    @Override
    public synchronized Optional<CommitInfo> lastCommit() {
        return commits.isEmpty() ? Optional.empty() : Optional.of(commits.get(commits.size() - 1).info());
    }

    @Override
    public synchronized Optional<CommitInfo> firstCommit() {
        return commits.isEmpty() ? Optional.empty() : Optional.of(commits.get(0).info());
    }

    @Override
    public synchronized Optional<CommitInfo> lastDeleted() {
        return Optional.ofNullable(lastDeleted);
    }

    @Override
    public synchronized Optional<CommitInfo> lastCommitBefore(long timestampExclusive) {
        int lo = 0;
        int hi = commits.size() - 1;
        CommitInfo found = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            CommitInfo info = commits.get(mid).info();
            if (info.commitTimestamp() < timestampExclusive) {
                found = info;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return Optional.ofNullable(found);
    }

    @Override
    public synchronized LogCursor cursor(long commitNum, long opNum) throws IOException {
        ensureOpen();
        long startCommit = Math.max(1, commitNum);
        long startOp = commitNum < 1 ? 1 : Math.max(1, opNum);
        if (!commits.isEmpty()) {
            long first = commits.get(0).info().commitNum();
            if (startCommit < first) {
                startCommit = first;
                startOp = 1;
            }
        }
        return new Cursor(generation, startCommit, startOp);
    }

    @Override
    public synchronized void registerSnapshot(long commitNum) throws IOException {
        ensureOpen();
        long limit = nextCommitNum - 1;
        if (commitNum < 0 || commitNum > limit) {
            throw new IllegalArgumentException("snapshot commitNum " + commitNum + " is not in 0.." + limit);
        }
        snapshotCommitNum = commitNum;
    }

    @Override
    public synchronized OptionalLong snapshotCommitNum() {
        return snapshotCommitNum < 0 ? OptionalLong.empty() : OptionalLong.of(snapshotCommitNum);
    }

    @Override
    public synchronized RetentionReport applyRetention(long expireBeforeMillis) throws IOException {
        ensureOpen();
        int expired = 0;
        long bytes = 0;
        while (expired < segments.size() - 1) {
            CommitInfo last = segments.get(expired).lastCommit;
            if (last.commitTimestamp() >= expireBeforeMillis || last.commitNum() > snapshotCommitNum) {
                break;
            }
            bytes += segments.get(expired).bytes;
            expired++;
        }
        if (expired == 0) {
            return new RetentionReport(0, 0, lastDeleted);
        }
        lastDeleted = segments.get(expired - 1).lastCommit;
        segments.subList(0, expired).clear();
        long firstKept = segments.get(0).base;
        int doomedCommits = (int) (firstKept - commits.get(0).info().commitNum());
        commits.subList(0, doomedCommits).clear();
        return new RetentionReport(expired, bytes, lastDeleted);
    }

    @Override
    public synchronized void reset() throws IOException {
        ensureOpen();
        commits.clear();
        segments.clear();
        segments.add(new NotionalSegment(1));
        nextCommitNum = 1;
        lastTimestamp = Long.MIN_VALUE;
        lastDeleted = null;
        snapshotCommitNum = -1;
        generation++;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the log is closed");
        }
    }

    /** The stored commit numbered {@code commitNum}; null if it does not exist yet. */
    private synchronized Commit commit(long cursorGeneration, long commitNum) throws SegmentDeletedException {
        if (cursorGeneration != generation) {
            throw new SegmentDeletedException("the log was reset");
        }
        long first = commits.isEmpty() ? nextCommitNum : commits.get(0).info().commitNum();
        if (commitNum < first) {
            throw new SegmentDeletedException("commit " + commitNum + " is no longer stored");
        }
        long index = commitNum - first;
        return index < commits.size() ? commits.get((int) index) : null;
    }

    private final class Cursor implements LogCursor {
        private final long generation;
        private long wantedCommit;
        private long wantedOp;
        private Commit current;
        private int opNum;
        private ByteBuffer record;
        private boolean closed;

        Cursor(long generation, long commitNum, long opNum) {
            this.generation = generation;
            this.wantedCommit = commitNum;
            this.wantedOp = opNum;
        }

        @Override
        public boolean next() throws IOException {
            if (closed) {
                throw new IOException("cursor closed");
            }
            if (current != null && opNum < current.records().length) {
                return moveTo(opNum + 1);
            }
            if (current != null) {
                wantedCommit = current.info().commitNum() + 1;
                wantedOp = 1;
            }
            while (true) {
                Commit found = commit(generation, wantedCommit);
                if (found == null) {
                    return false;
                }
                current = found;
                if (wantedOp <= found.records().length) {
                    return moveTo((int) wantedOp);
                }
                opNum = found.records().length;
                wantedCommit++;
                wantedOp = 1;
            }
        }

        private boolean moveTo(int op) {
            opNum = op;
            record = ByteBuffer.wrap(current.records()[op - 1]).asReadOnlyBuffer();
            return true;
        }

        @Override
        public long commitNum() {
            return current == null ? 0 : current.info().commitNum();
        }

        @Override
        public int opNum() {
            return opNum;
        }

        @Override
        public long commitTimestamp() {
            return current == null ? 0 : current.info().commitTimestamp();
        }

        @Override
        public int recordCount() {
            return current == null ? 0 : current.info().recordCount();
        }

        @Override
        public ByteBuffer record() {
            return record;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
