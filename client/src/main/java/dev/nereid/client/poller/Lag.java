package dev.nereid.client.poller;

import dev.nereid.stream.EventId;

/**
 * How far a consumer is behind the stream.
 *
 * @param position      the last event processed, or null before the first
 * @param newest        the newest event of the stream as last seen, or null when not known
 * @param commitsBehind transactions not yet processed: {@code newest.commitNum − position.commitNum}
 *                      (commitNums are dense), 0 when caught up, -1 when unknown
 * @param millisBehind  {@code now − lastTrxTimestamp} of the last transaction processed while records
 *                      remain (Neptune's StreamLagTime), 0 when caught up, -1 before the first
 */
public record Lag(EventId position, EventId newest, long commitsBehind, long millisBehind) {
    public static final Lag UNKNOWN = new Lag(null, null, -1, -1);

    public boolean caughtUp() {
        return commitsBehind == 0 && millisBehind == 0;
    }
}
