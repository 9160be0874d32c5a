package dev.nereid.client.poller;

import dev.nereid.stream.EventId;
import dev.nereid.stream.IteratorType;
import dev.nereid.stream.StreamRequest;
import java.util.Objects;

/**
 * Where the next read starts (spec §3.2): one of the four iterator types, with an event id for AT and
 * AFTER.
 */
public record Position(IteratorType iteratorType, EventId eventId) {
    public Position {
        Objects.requireNonNull(iteratorType, "iteratorType");
        if (iteratorType.usesPosition() != (eventId != null)) {
            throw new IllegalArgumentException(iteratorType + (eventId == null ? " needs" : " takes no") + " event id");
        }
    }

    /** The oldest event still kept. */
    public static Position trimHorizon() {
        return new Position(IteratorType.TRIM_HORIZON, null);
    }

    /** The newest event. */
    public static Position latest() {
        return new Position(IteratorType.LATEST, null);
    }

    public static Position at(EventId eventId) {
        return new Position(IteratorType.AT_SEQUENCE_NUMBER, eventId);
    }

    public static Position after(EventId eventId) {
        return new Position(IteratorType.AFTER_SEQUENCE_NUMBER, eventId);
    }

    /**
     * {@code TRIM_HORIZON}, {@code LATEST}, {@code COMMITNUM} (AT its first op) or {@code COMMITNUM:OPNUM}.
     */
    public static Position parse(String text) {
        String t = text.trim();
        if (t.equals(IteratorType.TRIM_HORIZON.name())) {
            return trimHorizon();
        }
        if (t.equals(IteratorType.LATEST.name())) {
            return latest();
        }
        String[] parts = t.split(":", -1);
        try {
            if (parts.length == 1) {
                return at(new EventId(Long.parseLong(parts[0]), 1));
            }
            if (parts.length == 2) {
                return at(new EventId(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected TRIM_HORIZON, LATEST, COMMITNUM or COMMITNUM:OPNUM, was '" + text + "'");
    }

    public StreamRequest request(int limit) {
        return eventId == null ? new StreamRequest(iteratorType, -1, StreamRequest.DEFAULT_OP_NUM, limit)
                : new StreamRequest(iteratorType, eventId.commitNum(), eventId.opNum(), limit);
    }

    @Override
    public String toString() {
        return eventId == null ? iteratorType.name()
                : iteratorType.name() + " " + eventId.commitNum() + ":" + eventId.opNum();
    }
}
