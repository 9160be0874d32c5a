package dev.nereid.client.poller;

import dev.nereid.stream.EventId;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The position a reader resumes from has expired: the stream no longer holds the events after it.
 * Says which position, what the oldest kept event is, and how many whole commits were lost when that
 * can be told (commitNums are dense, so it can whenever the oldest event is known).
 */
public final class ExpiredCheckpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final EventId position;
    private final transient Optional<EventId> oldest;

    public ExpiredCheckpointException(EventId position, Optional<EventId> oldest) {
        super(message(position, oldest), null, false, false);
        this.position = position;
        this.oldest = oldest;
    }

    /** The event the reader had processed last, and wanted to continue after. */
    public EventId position() {
        return position;
    }

    /** The oldest event the stream still holds, if any and if it could be read. */
    public Optional<EventId> oldest() {
        return oldest;
    }

    /**
     * Whole commits that expired unread: those strictly between the position's commit and the oldest
     * kept one. If the position was inside its commit, that commit's rest is lost too.
     */
    public OptionalLong lostCommits() {
        return oldest.map(o -> OptionalLong.of(Math.max(0, o.commitNum() - position.commitNum() - 1)))
                .orElse(OptionalLong.empty());
    }

    private static String message(EventId position, Optional<EventId> oldest) {
        String at = position.commitNum() + ":" + position.opNum();
        return oldest.map(o -> {
            long lost = Math.max(0, o.commitNum() - position.commitNum() - 1);
            return "the stream expired past checkpoint " + at + ": the oldest event still kept is "
                    + o.commitNum() + ":" + o.opNum() + ", so " + lost + " commit" + (lost == 1 ? "" : "s")
                    + (lost == 0 ? "" : " (" + (position.commitNum() + 1) + " to " + (o.commitNum() - 1) + ")")
                    + " expired unread";
        }).orElse("the stream expired past checkpoint " + at + ", and it now holds no event");
    }
}
