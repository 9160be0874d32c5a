package dev.nereid.log;

/**
 * How an engine came up: the snapshot it loaded (commitNum 0 if none) and the log it replayed after
 * it, with durations, so start-up time and replay rate can be reported.
 */
public record StartupReport(long snapshotCommitNum, long snapshotRecords, long snapshotNanos,
                            long replayedCommits, long replayedRecords, long replayNanos) {

    public long totalMillis() {
        return (snapshotNanos + replayNanos) / 1_000_000;
    }

    /** Replayed log records per second (0 when nothing was replayed). */
    public long replayRecordsPerSecond() {
        return replayNanos == 0 || replayedRecords == 0 ? 0 : replayedRecords * 1_000_000_000L / replayNanos;
    }

    @Override
    public String toString() {
        return String.format("snapshot at commit %d (%d records, %d ms), then %d commits (%d records) replayed in %d ms"
                        + " (%d records/s); up in %d ms",
                snapshotCommitNum, snapshotRecords, snapshotNanos / 1_000_000, replayedCommits, replayedRecords,
                replayNanos / 1_000_000, replayRecordsPerSecond(), totalMillis());
    }
}
