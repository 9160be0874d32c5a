package dev.nereid.client.poller;

/** What a reader does when its position has expired ({@code ExpiredStreamException}). */
public enum ExpiredCheckpointPolicy {
    /** Stop with {@link ExpiredCheckpointException}, naming the position and the oldest event still kept. */
    FAIL,
    /**
     * Go on from the oldest event still kept ({@code TRIM_HORIZON}), after reporting what was skipped: the
     * changes in between are lost to this consumer, so a copy built from the stream needs a re-sync.
     */
    RESTART_FROM_TRIM_HORIZON
}
