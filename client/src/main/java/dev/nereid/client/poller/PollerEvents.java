package dev.nereid.client.poller;

import dev.nereid.client.StreamPage;
import dev.nereid.stream.EventId;
import java.time.Duration;
import java.util.Optional;

/**
 * What a reader reports as it goes. Every method has a default; {@link #LOGGING} logs the ones a
 * person should hear about through {@link System.Logger}.
 */
public interface PollerEvents {

    PollerEvents LOGGING = new LoggingPollerEvents();

    /** A read failed and will be tried again after {@code delay}. */
    default void retrying(Exception failure, int attempt, Duration delay) {
    }

    /** The position expired; with {@code restarting} the reader goes on from TRIM_HORIZON, otherwise it stops. */
    default void expired(ExpiredCheckpointException expired, boolean restarting) {
    }

    /**
     * The stream ends before the position: its newest event is older than the checkpoint, as after a
     * fast reset or when pointed at another database. The reader waits for the stream to pass it.
     */
    default void behindPosition(Position position, Optional<EventId> newest) {
    }

    default void pageRead(StreamPage page, Lag lag) {
    }

    default void caughtUp(Lag lag) {
    }
}
