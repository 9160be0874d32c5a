package dev.nereid.log;

/**
 * What the log knows of one commit without reading its records: its number (dense from 1 since the
 * last reset), the epoch-millisecond timestamp assigned with that number, and how many records
 * (operations) it holds. Event ids of the commit are {@code (commitNum, 1..recordCount)}.
 */
public record CommitInfo(long commitNum, long commitTimestamp, int recordCount) {
    public CommitInfo {
        if (commitNum < 1) {
            throw new IllegalArgumentException("commitNum must be >= 1: " + commitNum);
        }
        if (recordCount < 1) {
            throw new IllegalArgumentException("a commit holds at least one record: " + recordCount);
        }
    }
}
