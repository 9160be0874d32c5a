package dev.nereid.log;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A real in-memory log whose appends can be held at a gate or made to fail, so an engine can be
 * observed while a commit is between "records computed" and "records durable". It remembers how many
 * commits each append carried. Reads go straight to the log.
 */
public class GatedChangeLog implements ChangeLog {

    public final MemoryChangeLog log = new MemoryChangeLog();
    /** Counted down by every append as it arrives at the gate. */
    public volatile CountDownLatch entered = new CountDownLatch(0);
    /** Appends wait here until it is open (count 0). */
    public volatile CountDownLatch gate = new CountDownLatch(0);
    /** Appends past the gate throw, as a full disk would. */
    public volatile boolean fail;
    /** The number of commits of each append that passed the gate, in order. */
    public final List<Integer> batches = new CopyOnWriteArrayList<>();

    @Override
    public CommitInfo append(List<byte[]> records) throws IOException {
        return appendAll(List.of(records)).get(0);
    }

    @Override
    public List<CommitInfo> appendAll(List<List<byte[]>> commits) throws IOException {
        entered.countDown();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        batches.add(commits.size());
        if (fail) {
            throw new IOException("disk full");
        }
        return log.appendAll(commits);
    }

    @Override
    public Optional<CommitInfo> lastCommit() {
        return log.lastCommit();
    }

    @Override
    public Optional<CommitInfo> firstCommit() {
        return log.firstCommit();
    }

    @Override
    public Optional<CommitInfo> lastDeleted() {
        return log.lastDeleted();
    }

    @Override
    public Optional<CommitInfo> lastCommitBefore(long timestampExclusive) throws IOException {
        return log.lastCommitBefore(timestampExclusive);
    }

    @Override
    public LogCursor cursor(long commitNum, long opNum) throws IOException {
        return log.cursor(commitNum, opNum);
    }

    @Override
    public void registerSnapshot(long commitNum) throws IOException {
        log.registerSnapshot(commitNum);
    }

    @Override
    public OptionalLong snapshotCommitNum() {
        return log.snapshotCommitNum();
    }

    @Override
    public RetentionReport applyRetention(long expireBeforeMillis) throws IOException {
        return log.applyRetention(expireBeforeMillis);
    }

    @Override
    public void reset() throws IOException {
        log.reset();
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
