package dev.nereid.client.poller;

import dev.nereid.client.StreamPage;
import dev.nereid.stream.EventId;
import java.util.Optional;

/** What one {@link PageFollower#next()} found. */
public sealed interface Poll {

    /** A page; the follower's position has moved after its last event. */
    record Page(StreamPage page) implements Poll {
    }

    /**
     * Nothing after the position ({@code StreamRecordsNotFoundException}).
     *
     * @param newest the stream's newest event, when the answer named it
     */
    record CaughtUp(Optional<EventId> newest) implements Poll {
    }

    /**
     * The position had expired and the follower now reads from {@code TRIM_HORIZON}: whatever was read
     * before does not continue into what comes next.
     */
    record Restarted(ExpiredCheckpointException expired) implements Poll {
    }

    /** {@link Pause#stop()} was called while waiting to retry. */
    record Stopped() implements Poll {
    }
}
