package dev.nereid.client.poller;

import dev.nereid.stream.EventId;
import java.util.Objects;

/**
 * Where a consumer has got to: the last event it has fully processed, and that event's commit time
 * (so lag can be told without reading the stream again). A poller's checkpoint is always the last
 * event of a transaction; the next read continues AFTER_SEQUENCE_NUMBER from it.
 */
public record Checkpoint(EventId eventId, long commitTimestamp) {
    public Checkpoint {
        Objects.requireNonNull(eventId, "eventId");
    }

    public long commitNum() {
        return eventId.commitNum();
    }

    public long opNum() {
        return eventId.opNum();
    }

    @Override
    public String toString() {
        return eventId.commitNum() + ":" + eventId.opNum();
    }
}
