package dev.nereid.log;

import java.time.Duration;

/**
 * What {@link FileChangeLog#open} did to bring the log back to a valid state.
 *
 * @param bytesDropped      bytes removed from the log: torn or damaged tails and whole later segments
 * @param segmentsDeleted   segment files deleted because they followed damage or were unreadable
 * @param segmentsTruncated segment files cut at their first invalid frame
 * @param commitsFound      commits the log holds after opening
 * @param duration          how long opening took
 */
public record RecoveryReport(long bytesDropped, int segmentsDeleted, int segmentsTruncated, long commitsFound,
                             Duration duration) {

    /** True when the log was found exactly as it was last written: nothing dropped. */
    public boolean clean() {
        return bytesDropped == 0 && segmentsDeleted == 0 && segmentsTruncated == 0;
    }
}
