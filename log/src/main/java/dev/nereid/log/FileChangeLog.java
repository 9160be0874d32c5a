package dev.nereid.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change log on disk: a directory of segment files (format in {@link FrameWriter}), the
 * {@link LogBookkeeping} files and a lock file.
 *
 * <p>Locks, always taken in this order: {@code maintenanceLock} (snapshot, retention, reset,
 * close) → {@code appendLock} (numbering and writing frames, rolling) → {@code forceLock} (the
 * active segment's channel while it is forced, sealed or replaced). Readers take none of them:
 * they read the volatile {@link DurablePoint} and {@link SegmentList} and open their own channels.
 *
 * <p>Durable before visible: a commit is published to readers (through {@link #durablePoint()})
 * only after the force that covers it, so cursors, {@link #lastCommit()} and the rest never see a
 * commit that a crash could take back.
 *
 * <p>Over 500 lines on purpose: every method here takes part in that one lock order and reads the
 * same few guarded fields (active segment, next number, durable point); split up, each piece would
 * need those fields exposed and the lock order restated.
 */
public final class FileChangeLog implements ChangeLog {

    private static final Logger LOG = LoggerFactory.getLogger(FileChangeLog.class);

    /**
     * The newest commit readers may see, the segment holding it and where its frame ends; from the
     * log's current generation (one per reset). {@code commit} is null when there is none.
     */
    record DurablePoint(long generation, CommitInfo commit, Segment segment, long endPosition) {
    }

    /** The newest frame written, with the ticket that {@link GroupCommit} waits on. */
    private record Written(long ticket, DurablePoint point) {
    }

    private final LogConfig config;
    private final boolean fsync;
    private final LogDirectory directory;
    private final LogBookkeeping bookkeeping;
    private final GroupCommit groupCommit = new GroupCommit(this::flushAll);
    private final Object maintenanceLock = new Object();
    private final ReentrantLock appendLock = new ReentrantLock();
    private final Object forceLock = new Object();
    private final RecoveryReport recovery;

    // Guarded by appendLock.
    private long nextCommitNum;
    private long lastTimestamp;
    private long lastTicket;
    private long generation;

    private volatile boolean closed;
    private volatile Segment active;
    private volatile SegmentList segments;
    private volatile Written lastWritten;
    private volatile DurablePoint durable;
    private volatile IOException failure;
    private volatile CommitInfo lastDeleted;
    private volatile long snapshotCommitNum;

    private FileChangeLog(LogDirectory directory, LogConfig config, long startedNanos) throws IOException {
        this.config = config;
        this.fsync = config.durability() == Durability.FSYNC;
        this.directory = directory;
        this.bookkeeping = new LogBookkeeping(directory);

        if (bookkeeping.resetInterrupted()) {
            LOG.info("Completing an interrupted reset of {}", directory.path());
            deleteLogFiles();
            bookkeeping.markResetDone();
            directory.fsync();
        }
        directory.deleteTemporaryFiles();
        snapshotCommitNum = bookkeeping.readSnapshot();
        lastDeleted = bookkeeping.readLastDeleted();
        LogRecovery.finishInterruptedRetention(directory, lastDeleted);

        LogRecovery.Outcome outcome = LogRecovery.recover(directory);
        List<Segment> recovered = new ArrayList<>(outcome.segments());
        if (recovered.isEmpty()) {
            long base = Math.max(lastDeleted == null ? 1 : lastDeleted.commitNum() + 1, outcome.firstFileBase());
            recovered.add(Segment.create(directory.path(), base, fsync));
            directory.fsync();
        } else {
            recovered.get(recovered.size() - 1).openForAppend();
        }
        segments = new SegmentList(recovered);
        active = segments.active();
        lastDeleted = LogRecovery.reconcileLastDeleted(directory, bookkeeping, lastDeleted, segments.get(0));

        nextCommitNum = active.nextCommitNum();
        DurablePoint point = lastStoredCommit(segments);
        CommitInfo last = point.commit() != null ? point.commit() : lastDeleted;
        lastTimestamp = last == null ? Long.MIN_VALUE : last.commitTimestamp();
        durable = point;
        lastWritten = new Written(0, point);
        if (snapshotCommitNum > nextCommitNum - 1) {
            LOG.warn("A snapshot of {} covers commit {} but the log ends at {}", directory.path(), snapshotCommitNum,
                    nextCommitNum - 1);
        }

        long commits = point.commit() == null ? 0 : point.commit().commitNum() - segments.get(0).base() + 1;
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        recovery = new RecoveryReport(outcome.bytesDropped(), outcome.segmentsDeleted(), outcome.segmentsTruncated(),
                commits, took);
        if (!recovery.clean()) {
            LOG.warn("Recovered {}: dropped {} bytes ({} segments truncated, {} deleted); the log ends at commit {}",
                    directory.path(), recovery.bytesDropped(), recovery.segmentsTruncated(),
                    recovery.segmentsDeleted(), nextCommitNum - 1);
        }
        LOG.info("Opened {}: {} commits in {} segments, next commit {}, in {} ms", directory.path(), commits,
                segments.size(), nextCommitNum, took.toMillis());
    }

    /**
     * Opens the log in {@code dir}, creating it if needed and recovering it after a crash: a torn
     * or damaged tail is truncated (see {@link #recovery()}), an interrupted reset or retention
     * pass is completed. One open log per directory: a second open, from this process or another,
     * fails.
     */
    public static FileChangeLog open(Path dir, LogConfig config) throws IOException {
        long started = System.nanoTime();
        LogDirectory directory = LogDirectory.lock(dir);
        try {
            return new FileChangeLog(directory, config, started);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** What {@link #open} found and did. */
    public RecoveryReport recovery() {
        return recovery;
    }

    @Override
    public CommitInfo append(List<byte[]> records) throws IOException {
        ByteBuffer frame = FrameWriter.encodeRecords(records);
        Written written;
        appendLock.lock();
        try {
            written = write(frame, records.size());
        } finally {
            appendLock.unlock();
        }
        if (fsync) {
            groupCommit.awaitDurable(written.ticket());
        }
        return written.point().commit();
    }

    @Override
    public List<CommitInfo> appendAll(List<List<byte[]>> commits) throws IOException {
        if (commits.isEmpty()) {
            throw new IllegalArgumentException("appendAll needs at least one commit");
        }
        List<ByteBuffer> frames = new ArrayList<>(commits.size());
        for (List<byte[]> records : commits) {
            frames.add(FrameWriter.encodeRecords(records));
        }
        List<CommitInfo> infos = new ArrayList<>(commits.size());
        long ticket;
        appendLock.lock();
        try {
            Written written = null;
            for (int i = 0; i < frames.size(); i++) {
                written = write(frames.get(i), commits.get(i).size());
                infos.add(written.point().commit());
            }
            ticket = written.ticket();
        } finally {
            appendLock.unlock();
        }
        if (fsync) {
            groupCommit.awaitDurable(ticket);
        }
        return infos;
    }

    /** Under appendLock: numbers, seals and writes one frame; durable once its ticket is. */
    private Written write(ByteBuffer frame, int recordCount) throws IOException {
        ensureWritable();
        CommitInfo commit = new CommitInfo(nextCommitNum, Math.max(config.clock().millis(), lastTimestamp), recordCount);
        FrameWriter.seal(frame, commit.commitNum(), commit.commitTimestamp());
        if (active.size() >= config.segmentBytes()) {
            roll();
        }
        try {
            active.append(frame, commit);
        } catch (IOException e) {
            fail(e);
            throw e;
        }
        nextCommitNum++;
        lastTimestamp = commit.commitTimestamp();
        Written written = new Written(++lastTicket, new DurablePoint(generation, commit, active, active.size()));
        if (fsync) {
            lastWritten = written;
        } else {
            durable = written.point();
        }
        return written;
    }

    /** Called by one appender at a time (see {@link GroupCommit}); never under appendLock. */
    private long flushAll() throws IOException {
        Written written = lastWritten;
        synchronized (forceLock) {
            // A roll that failed to force the old segment recorded it before releasing the lock.
            IOException failed = failure;
            if (failed != null) {
                throw new IOException("the log failed earlier", failed);
            }
            // Frames in earlier segments were forced when their segment was rolled.
            active.force();
        }
        durable = written.point();
        return written.ticket();
    }

    /**
     * Under appendLock. The old segment is forced before any frame goes to the new one, so a
     * flusher that forces only the new one covers both.
     */
    private void roll() throws IOException {
        synchronized (forceLock) {
            try {
                Segment old = active;
                if (fsync) {
                    old.force();
                }
                old.seal();
                Segment next = Segment.create(directory.path(), nextCommitNum, fsync);
                directory.fsync();
                old.linkSuccessor(next);
                replaceSegments(list -> list.with(next));
                active = next;
            } catch (IOException e) {
                fail(e);
                throw e;
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Empty also when retention deleted every stored commit, which happens only after a crash
     * left the segment being appended to empty; numbering still continues after the deleted ones.
     */
    @Override
    public Optional<CommitInfo> lastCommit() {
        CommitInfo newest = durable.commit();
        return newest != null && segments.firstStored() != null ? Optional.of(newest) : Optional.empty();
    }

    @Override
    public Optional<CommitInfo> firstCommit() {
        DurablePoint point = durable;
        CommitInfo first = segments.firstStored();
        boolean visible = first != null && point.commit() != null && first.commitNum() <= point.commit().commitNum();
        return visible ? Optional.of(first) : Optional.empty();
    }

    @Override
    public Optional<CommitInfo> lastDeleted() {
        return Optional.ofNullable(lastDeleted);
    }

    @Override
    public Optional<CommitInfo> lastCommitBefore(long timestampExclusive) throws IOException {
        for (int attempt = 1; ; attempt++) {
            CommitInfo newest = durable.commit();
            if (newest == null) {
                return Optional.empty();
            }
            if (newest.commitTimestamp() < timestampExclusive) {
                return Optional.of(newest);
            }
            Segment segment = segments.lastStartingBefore(timestampExclusive, newest.commitNum());
            if (segment == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(segment.lastCommitBefore(timestampExclusive, newest.commitNum()));
            } catch (NoSuchFileException e) {
                // Retention deleted it meanwhile; the answer now lies in a later segment, or nowhere.
                if (attempt == 3) {
                    throw new SegmentDeletedException("segment " + segment + " was deleted during the search");
                }
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>The cursor opens the segment holding its start at once, so retention cannot take it away
     * afterwards; a caller that checked {@link #lastDeleted()} before opening should check it again
     * after, since a segment deleted in between makes the cursor start at the oldest kept commit.
     *
     * @throws SegmentDeletedException if the segment of the start was deleted while opening, or
     *                                 later from {@link LogCursor#next()} when the cursor reaches a
     *                                 segment already deleted, or the log was reset
     */
    @Override
    public LogCursor cursor(long commitNum, long opNum) throws IOException {
        ensureOpen();
        return FileLogCursor.open(this, commitNum, opNum);
    }

    DurablePoint durablePoint() {
        return durable;
    }

    SegmentList segments() {
        return segments;
    }

    @Override
    public void registerSnapshot(long commitNum) throws IOException {
        synchronized (maintenanceLock) {
            ensureOpen();
            CommitInfo newest = durable.commit();
            long limit = newest != null ? newest.commitNum() : lastDeleted != null ? lastDeleted.commitNum() : 0;
            if (commitNum < 0 || commitNum > limit) {
                throw new IllegalArgumentException("snapshot commitNum " + commitNum + " is not in 0.." + limit);
            }
            bookkeeping.writeSnapshot(commitNum);
            snapshotCommitNum = commitNum;
        }
    }

    @Override
    public OptionalLong snapshotCommitNum() {
        long value = snapshotCommitNum;
        return value < 0 ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The newest deleted commit is written durably before any file is deleted, so after a crash
     * it is never behind what is gone; open() finishes the deletion.
     */
    @Override
    public RetentionReport applyRetention(long expireBeforeMillis) throws IOException {
        synchronized (maintenanceLock) {
            ensureOpen();
            SegmentList current = segments;
            CommitInfo newest = durable.commit();
            long snapshot = snapshotCommitNum;
            int expired = 0;
            // The last segment is the one being appended to: never deleted.
            while (newest != null && expired < current.size() - 1) {
                CommitInfo last = current.get(expired).lastCommit();
                if (last == null || last.commitTimestamp() >= expireBeforeMillis || last.commitNum() > snapshot
                        || last.commitNum() > newest.commitNum()) {
                    break;
                }
                expired++;
            }
            if (expired == 0) {
                return new RetentionReport(0, 0, lastDeleted);
            }
            CommitInfo newestDeleted = current.get(expired - 1).lastCommit();
            bookkeeping.writeLastDeleted(newestDeleted);
            lastDeleted = newestDeleted;
            int doomed = expired;
            replaceSegments(list -> list.withoutFirst(doomed));
            long bytes = 0;
            for (int i = 0; i < expired; i++) {
                bytes += current.get(i).size();
                Files.deleteIfExists(current.get(i).path());
            }
            directory.fsync();
            LOG.info("Retention deleted {} segments ({} bytes) of {} up to commit {}", expired, bytes,
                    directory.path(), newestDeleted.commitNum());
            return new RetentionReport(expired, bytes, newestDeleted);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Crash-atomic: a marker file is made durable first, and open() completes a reset whose
     * marker it finds. The directory itself stays, so it may be a mount point.
     */
    @Override
    public void reset() throws IOException {
        synchronized (maintenanceLock) {
            appendLock.lock();
            try {
                ensureWritable();
                drainAppends();
                try {
                    bookkeeping.markResetStarted();
                    synchronized (forceLock) {
                        active.seal();
                        deleteLogFiles();
                        directory.fsync();
                        generation++;
                        Segment first = Segment.create(directory.path(), 1, fsync);
                        directory.fsync();
                        replaceSegments(list -> new SegmentList(List.of(first)));
                        active = first;
                    }
                    nextCommitNum = 1;
                    lastTimestamp = Long.MIN_VALUE;
                    lastDeleted = null;
                    snapshotCommitNum = -1;
                    DurablePoint empty = new DurablePoint(generation, null, active, active.size());
                    lastWritten = new Written(lastTicket, empty);
                    durable = empty;
                    bookkeeping.markResetDone();
                    directory.fsync();
                } catch (IOException e) {
                    fail(e);
                    throw e;
                }
                LOG.info("Reset {}: the next commit is 1", directory.path());
            } finally {
                appendLock.unlock();
            }
        }
    }

    /** Waits until every written frame is durable; under appendLock, so no new frame comes. */
    private void drainAppends() throws IOException {
        if (fsync && lastTicket > 0) {
            groupCommit.awaitDurable(lastTicket);
        }
    }

    private void deleteLogFiles() throws IOException {
        for (Path file : directory.segmentFiles()) {
            Files.deleteIfExists(file);
        }
        bookkeeping.clear();
    }

    /** Waits for appends in flight, forces what they wrote and releases the files. Idempotent. */
    @Override
    public void close() throws IOException {
        synchronized (maintenanceLock) {
            appendLock.lock();
            try {
                if (closed) {
                    return;
                }
                closed = true;
                try {
                    if (failure == null) {
                        drainAppends();
                    }
                } finally {
                    synchronized (forceLock) {
                        try {
                            if (fsync && failure == null) {
                                active.force();
                            }
                        } finally {
                            active.seal();
                            directory.close();
                        }
                    }
                }
            } finally {
                appendLock.unlock();
            }
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the log " + directory.path() + " is closed");
        }
    }

    /** Under appendLock. */
    private void ensureWritable() throws IOException {
        ensureOpen();
        if (failure != null) {
            throw new IOException("the log " + directory.path() + " failed earlier and accepts no more appends",
                    failure);
        }
    }

    private void fail(IOException cause) {
        if (failure == null) {
            failure = cause;
            LOG.error("The log {} failed; it accepts no more appends", directory.path(), cause);
        }
        groupCommit.fail(cause);
    }

    /** Roll and retention hold different locks, so each change is applied to the latest list here. */
    private synchronized void replaceSegments(UnaryOperator<SegmentList> change) {
        segments = change.apply(segments);
    }

    private static DurablePoint lastStoredCommit(SegmentList recovered) {
        for (int i = recovered.size() - 1; i >= 0; i--) {
            Segment segment = recovered.get(i);
            if (segment.lastCommit() != null) {
                return new DurablePoint(0, segment.lastCommit(), segment, segment.size());
            }
        }
        return new DurablePoint(0, null, recovered.active(), recovered.active().size());
    }

    @Override
    public String toString() {
        return "FileChangeLog[" + directory.path() + "]";
    }
}
