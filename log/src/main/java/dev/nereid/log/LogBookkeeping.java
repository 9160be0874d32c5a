package dev.nereid.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;

/**
 * The log's small durable facts besides its segments, each in its own {@link StateFile}: the
 * commit the newest snapshot covers, the newest commit retention deleted, and the marker of a
 * reset under way.
 *
 * <pre>
 * Payloads (big-endian):
 *   snapshot.state  int64 commitNum
 *   deleted.state   int64 commitNum, int64 commitTimestamp, int32 recordCount
 *   reset.state     empty; its existence is the fact
 * </pre>
 */
final class LogBookkeeping {

    static final String SNAPSHOT_FILE = "snapshot.state";
    static final String DELETED_FILE = "deleted.state";
    static final String RESET_MARKER = "reset.state";

    private final StateFile snapshot;
    private final StateFile deleted;
    private final StateFile resetMarker;

    LogBookkeeping(LogDirectory directory) {
        this.snapshot = new StateFile(directory, SNAPSHOT_FILE);
        this.deleted = new StateFile(directory, DELETED_FILE);
        this.resetMarker = new StateFile(directory, RESET_MARKER);
    }

    /** The commit the newest snapshot covers, or -1 if none is known. */
    long readSnapshot() throws IOException {
        return snapshot.read().map(payload -> payload.getLong(0)).orElse(-1L);
    }

    void writeSnapshot(long commitNum) throws IOException {
        snapshot.write(ByteBuffer.allocate(8).putLong(0, commitNum));
    }

    /** The newest deleted commit, or null if none is known. */
    CommitInfo readLastDeleted() throws IOException {
        return deleted.read()
                .map(payload -> new CommitInfo(payload.getLong(0), payload.getLong(8), payload.getInt(16)))
                .orElse(null);
    }

    void writeLastDeleted(CommitInfo commit) throws IOException {
        deleted.write(ByteBuffer.allocate(20).putLong(commit.commitNum()).putLong(commit.commitTimestamp())
                .putInt(commit.recordCount()).flip());
    }

    /** Forgets the snapshot and the deletions; the caller fsyncs the directory. */
    void clear() throws IOException {
        snapshot.delete();
        deleted.delete();
    }

    /** Durably records that a reset has begun: from here on, open() completes it. */
    void markResetStarted() throws IOException {
        resetMarker.write(ByteBuffer.allocate(0));
    }

    boolean resetInterrupted() {
        return Files.exists(resetMarker.path());
    }

    /** The caller fsyncs the directory. */
    void markResetDone() throws IOException {
        resetMarker.delete();
    }
}
