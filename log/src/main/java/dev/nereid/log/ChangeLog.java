package dev.nereid.log;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The durable, ordered log of commits of one stream. It knows bytes and event ids, never graphs: a
 * commit is a non-empty list of opaque records.
 *
 * <p>Numbers: the first commit after creation or {@link #reset()} is 1, and each append takes the
 * next. The commit timestamp is the clock's epoch ms, raised to the previous commit's timestamp if
 * the clock went back, so timestamps never decrease along the log.
 *
 * <p>Threads: {@link #append} may be called from many threads at once; they share forced writes
 * (group commit). Readers ({@link #cursor}) never block appends and see only durable commits.
 */
public interface ChangeLog extends Closeable {

    /**
     * Appends one commit and returns once it is durable (per the configured {@link Durability}).
     * The commit is readable by cursors from the moment this returns, and not before its bytes are
     * durable.
     *
     * @param records one or more records; an empty commit has no number and is refused
     * @throws IOException if the write or the force failed; the log then refuses further appends
     */
    CommitInfo append(List<byte[]> records) throws IOException;

    /**
     * Appends several commits, numbered in list order, and returns once all are durable: one forced
     * write for them all. A writer that applies changes one at a time (the RDF store) batches its
     * waiting commits this way, as concurrent {@link #append} callers share a force. On failure none
     * of them may be taken as durable.
     *
     * @param commits one or more commits, each a non-empty list of records
     */
    List<CommitInfo> appendAll(List<List<byte[]>> commits) throws IOException;

    /** The newest durable commit, or empty when the log holds none. */
    Optional<CommitInfo> lastCommit();

    /** The oldest commit still stored, or empty when the log holds none. */
    Optional<CommitInfo> firstCommit();

    /**
     * The newest commit that retention deleted since creation or the last reset. Survives restarts.
     */
    Optional<CommitInfo> lastDeleted();

    /** The newest stored commit whose timestamp is strictly below {@code timestampExclusive}. */
    Optional<CommitInfo> lastCommitBefore(long timestampExclusive) throws IOException;

    /**
     * Opens a cursor at the smallest stored event id {@code >= (commitNum, opNum)}. An {@code opNum}
     * past the end of its commit starts at the next commit; a position before the first stored
     * commit starts at the first stored commit.
     */
    LogCursor cursor(long commitNum, long opNum) throws IOException;

    /**
     * Records, durably, that a snapshot of the engine's state covers every commit up to and
     * including {@code commitNum}. Retention deletes only segments a snapshot covers.
     */
    void registerSnapshot(long commitNum) throws IOException;

    /** The commit the newest registered snapshot covers. */
    OptionalLong snapshotCommitNum();

    /**
     * Deletes whole segments, oldest first, whose every commit has a timestamp strictly below
     * {@code expireBeforeMillis} and is covered by the newest snapshot. The segment being appended
     * to is never deleted.
     */
    RetentionReport applyRetention(long expireBeforeMillis) throws IOException;

    /**
     * Empties the log durably: every commit, the deletion and snapshot bookkeeping. The next append
     * is commit 1. Open cursors may fail afterwards.
     */
    void reset() throws IOException;

    @Override
    void close() throws IOException;
}
