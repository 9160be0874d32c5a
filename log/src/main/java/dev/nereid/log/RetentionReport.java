package dev.nereid.log;

/**
 * What one retention pass removed.
 *
 * @param segmentsDeleted whole segment files deleted
 * @param bytesDeleted    their total size
 * @param lastDeleted     the newest commit removed so far since the last reset, or null if none
 */
public record RetentionReport(int segmentsDeleted, long bytesDeleted, CommitInfo lastDeleted) {
}
