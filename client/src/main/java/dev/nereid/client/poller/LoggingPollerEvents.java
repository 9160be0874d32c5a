package dev.nereid.client.poller;

import dev.nereid.stream.EventId;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;

/** Retries at DEBUG, what loses or withholds data at WARNING. */
final class LoggingPollerEvents implements PollerEvents {
    private static final System.Logger LOG = System.getLogger(StreamPoller.class.getName());

    @Override
    public void retrying(Exception failure, int attempt, Duration delay) {
        LOG.log(Level.DEBUG, () -> "read failed (attempt " + attempt + "), retrying in " + delay.toMillis() + " ms: "
                + RetriesExhaustedException.describe(failure));
    }

    @Override
    public void expired(ExpiredCheckpointException expired, boolean restarting) {
        LOG.log(Level.WARNING, expired.getMessage()
                + (restarting ? "; restarting from TRIM_HORIZON as configured: a copy built from the stream needs a re-sync"
                : "; stopping"));
    }

    @Override
    public void behindPosition(Position position, Optional<EventId> newest) {
        LOG.log(Level.WARNING, "the stream ends before the position " + position + " (newest event: "
                + newest.map(e -> e.commitNum() + ":" + e.opNum()).orElse("none")
                + "); was the database reset? Waiting for the stream to pass the position");
    }
}
