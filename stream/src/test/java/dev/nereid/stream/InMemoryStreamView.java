package dev.nereid.stream;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real {@link StreamView} over commits held in a list, for tests. Trimming is logical by default
 * (the log may delete lazily, so {@link #last()} can still report a trimmed event);
 * {@link #deleteTrimmed()} removes trimmed events physically. Counts cursors so tests can check that
 * every cursor is closed.
 */
final class InMemoryStreamView implements StreamView {
    /** Junk before each stored record, so readers must honour the buffer's position. */
    private static final int PADDING = 3;

    private record Event(long commitNum, long opNum, long commitTimestamp, boolean isLastOp, byte[] stored) {
        EventId id() {
            return new EventId(commitNum, opNum);
        }
    }

    private final List<Event> events = new ArrayList<>();
    private long nextCommitNum;
    private EventId lastTrimmed;
    private EventId reportedLast;
    private int opened;
    private int closed;

    InMemoryStreamView() {
        this(1);
    }

    InMemoryStreamView(long firstCommitNum) {
        this.nextCommitNum = firstCommitNum;
    }

    /** Appends one commit of stored records ({@link RecordCodec} encoding). */
    InMemoryStreamView commit(long commitTimestamp, List<byte[]> records) {
        long commitNum = nextCommitNum++;
        for (int i = 0; i < records.size(); i++) {
            events.add(new Event(commitNum, i + 1, commitTimestamp, i == records.size() - 1, records.get(i)));
        }
        return this;
    }

    /** Marks every commit up to and including {@code commitNum} as trimmed. */
    InMemoryStreamView trimThrough(long commitNum) {
        for (Event e : events) {
            if (e.commitNum() == commitNum && e.isLastOp()) {
                lastTrimmed = e.id();
            }
        }
        return this;
    }

    InMemoryStreamView trimmedAt(EventId lastTrimmed) {
        this.lastTrimmed = lastTrimmed;
        return this;
    }

    InMemoryStreamView deleteTrimmed() {
        events.removeIf(e -> lastTrimmed != null && e.id().compareTo(lastTrimmed) <= 0);
        return this;
    }

    /** Makes {@link #last()} report an older event, as a view taken before later appends would. */
    InMemoryStreamView reportingLast(EventId last) {
        this.reportedLast = last;
        return this;
    }

    int openCursors() {
        return opened - closed;
    }

    int openedCursors() {
        return opened;
    }

    @Override
    public Optional<EventId> lastTrimmed() {
        return Optional.ofNullable(lastTrimmed);
    }

    @Override
    public Optional<EventId> last() {
        if (reportedLast != null) {
            return Optional.of(reportedLast);
        }
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1).id());
    }

    @Override
    public EventCursor open(EventId from) {
        opened++;
        return new EventCursor() {
            private int index = -1;
            private Event current;

            @Override
            public boolean next() {
                for (index++; index < events.size(); index++) {
                    Event e = events.get(index);
                    if (e.id().compareTo(from) >= 0 && (lastTrimmed == null || e.id().isAfter(lastTrimmed))) {
                        current = e;
                        return true;
                    }
                }
                current = null;
                return false;
            }

            @Override
            public long commitNum() {
                return current.commitNum();
            }

            @Override
            public long opNum() {
                return current.opNum();
            }

            @Override
            public long commitTimestamp() {
                return current.commitTimestamp();
            }

            @Override
            public boolean isLastOp() {
                return current.isLastOp();
            }

            @Override
            public ByteBuffer record() {
                byte[] padded = new byte[PADDING + current.stored().length + PADDING];
                System.arraycopy(current.stored(), 0, padded, PADDING, current.stored().length);
                return ByteBuffer.wrap(padded, PADDING, current.stored().length);
            }

            @Override
            public void close() {
                closed++;
            }
        };
    }
}
