package dev.nereid.client.poller;

import dev.nereid.client.StreamPage;
import dev.nereid.client.StreamServiceException;
import dev.nereid.client.StreamSource;
import dev.nereid.client.ErrorBodies;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.EventId;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Reads a stream page after page, the way every Neptune Streams consumer does: each page continues
 * {@code AFTER_SEQUENCE_NUMBER} from the previous page's {@code lastEventId}; a 404 means caught up;
 * retryable failures are retried with backoff; an expired position fails or restarts from
 * {@code TRIM_HORIZON} by policy. One thread at a time.
 */
public final class PageFollower {
    private final StreamSource source;
    private final int limit;
    private final RetryPolicy retry;
    private final ExpiredCheckpointPolicy onExpired;
    private final PollerEvents events;
    private final Pause pause;
    private final RandomGenerator random;
    private Position position;
    private boolean warnedBehind;

    public PageFollower(StreamSource source, Position start, int limit, RetryPolicy retry,
                        ExpiredCheckpointPolicy onExpired, PollerEvents events, Pause pause, RandomGenerator random) {
        this.source = Objects.requireNonNull(source, "source");
        this.position = Objects.requireNonNull(start, "start");
        this.limit = limit;
        this.retry = Objects.requireNonNull(retry, "retry");
        this.onExpired = Objects.requireNonNull(onExpired, "onExpired");
        this.events = Objects.requireNonNull(events, "events");
        this.pause = Objects.requireNonNull(pause, "pause");
        this.random = Objects.requireNonNull(random, "random");
        start.request(limit); // validates the limit now rather than at the first read
    }

    /** Where the next read starts. */
    public Position position() {
        return position;
    }

    /**
     * One read, retried as the policy allows.
     *
     * @throws ExpiredCheckpointException with {@link ExpiredCheckpointPolicy#FAIL}, when the position expired
     * @throws StreamServiceException     a failure that is not retryable (spec §4)
     * @throws RetriesExhaustedException  retryable failures, as many as the policy allows
     */
    public Poll next() {
        Exception last = null;
        for (int attempt = 1; ; attempt++) {
            if (pause.isStopped()) {
                return new Poll.Stopped();
            }
            try {
                StreamPage page = source.read(position.request(limit));
                position = Position.after(page.lastEventId());
                warnedBehind = false;
                return new Poll.Page(page);
            } catch (StreamServiceException e) {
                if (e.errorCode() == ErrorCode.STREAM_RECORDS_NOT_FOUND) {
                    return caughtUp(e);
                }
                if (e.errorCode() == ErrorCode.EXPIRED_STREAM && position.eventId() != null) {
                    return expired();
                }
                if (!e.retryable()) {
                    throw e;
                }
                last = e;
            } catch (IOException e) {
                last = e;
            }
            if (attempt >= retry.maxAttempts()) {
                throw new RetriesExhaustedException("reading " + position, attempt, last);
            }
            Duration delay = retry.backoff().delay(attempt, random);
            events.retrying(last, attempt, delay);
            if (!pause.sleep(delay)) {
                return new Poll.Stopped();
            }
        }
    }

    private Poll caughtUp(StreamServiceException e) {
        Optional<EventId> newest = ErrorBodies.lastValidEventId(e.detailedMessage());
        switch (position.iteratorType()) {
            // An empty stream: whatever is written next is after "now".
            case LATEST -> position = Position.trimHorizon();
            // AT waits for its event to be written; AFTER an event the stream no longer reaches is suspect.
            // An empty stream tells nothing: everything read may simply have expired since.
            case AFTER_SEQUENCE_NUMBER -> {
                EventId at = position.eventId();
                if (newest.isPresent() && newest.get().isBefore(at) && !warnedBehind) {
                    warnedBehind = true;
                    events.behindPosition(position, newest);
                }
            }
            default -> {
            }
        }
        return new Poll.CaughtUp(newest);
    }

    private Poll expired() {
        ExpiredCheckpointException expired = new ExpiredCheckpointException(position.eventId(), oldest());
        boolean restart = onExpired == ExpiredCheckpointPolicy.RESTART_FROM_TRIM_HORIZON;
        events.expired(expired, restart);
        if (!restart) {
            throw expired;
        }
        position = Position.trimHorizon();
        return new Poll.Restarted(expired);
    }

    /** The oldest kept event, for the report: one best-effort read, no retries. */
    private Optional<EventId> oldest() {
        try {
            return Optional.of(source.read(Position.trimHorizon().request(1)).records().get(0).eventId());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
