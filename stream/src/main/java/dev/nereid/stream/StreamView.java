package dev.nereid.stream;

import java.util.Optional;

/**
 * What page assembly needs to know of one stream at the moment of a read (spec §3.2): the trimmed
 * prefix, the newest readable event, and a way to read events in order.
 */
public interface StreamView {

    /** The newest trimmed (expired or deleted) event since the last fast reset. */
    Optional<EventId> lastTrimmed();

    /** The newest readable event (the last of K), or empty when nothing is readable. */
    Optional<EventId> last();

    /**
     * Opens a cursor at the smallest readable event id {@code >= from}; a {@code from} past a
     * commit's last op starts at the next commit.
     */
    EventCursor open(EventId from);
}
