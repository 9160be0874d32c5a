package dev.nereid.client;

import dev.nereid.stream.EventCursor;
import dev.nereid.stream.EventId;
import dev.nereid.stream.Op;
import dev.nereid.stream.PgData;
import dev.nereid.stream.PgValue;
import dev.nereid.stream.RecordCodec;
import dev.nereid.stream.StreamFormat;
import dev.nereid.stream.StreamView;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A stream held in memory, for the client's own tests: commits appended in order, a trimmed prefix,
 * and a {@link ViewStreamSource} that serves it with the server's page assembly. Safe to append to
 * while a poller reads.
 */
public final class MemoryStream implements StreamView {

    private record Event(long commitNum, long opNum, long commitTimestamp, boolean isLastOp, byte[] stored) {
        EventId id() {
            return new EventId(commitNum, opNum);
        }
    }

    private final List<Event> events = new ArrayList<>();
    private long nextCommitNum = 1;
    private EventId lastTrimmed;

    /** Appends a commit of {@code size} vertex-property records with timestamp {@code 1000 × commitNum}. */
    public synchronized long commit(int size) {
        long c = nextCommitNum++;
        for (int i = 1; i <= size; i++) {
            byte[] data = PgData.vertexProperty("v" + c, "k", PgValue.of((long) i)).toJson();
            events.add(new Event(c, i, 1000 * c, i == size, RecordCodec.encode(Op.ADD, data)));
        }
        return c;
    }

    /** Skips a commitNum, as no correct stream does. */
    public synchronized void skipCommitNum() {
        nextCommitNum++;
    }

    /** Everything up to the end of {@code commitNum} expires. */
    public synchronized void trimThrough(long commitNum) {
        for (Event e : events) {
            if (e.commitNum() == commitNum && e.isLastOp()) {
                lastTrimmed = e.id();
            }
        }
    }

    public ViewStreamSource source() {
        return new ViewStreamSource(() -> this, StreamFormat.PG_JSON);
    }

    @Override
    public synchronized Optional<EventId> lastTrimmed() {
        return Optional.ofNullable(lastTrimmed);
    }

    @Override
    public synchronized Optional<EventId> last() {
        if (events.isEmpty()) {
            return Optional.empty();
        }
        EventId last = events.get(events.size() - 1).id();
        return lastTrimmed != null && !last.isAfter(lastTrimmed) ? Optional.empty() : Optional.of(last);
    }

    @Override
    public synchronized EventCursor open(EventId from) {
        List<Event> snapshot = List.copyOf(events);
        EventId trimmed = lastTrimmed;
        return new EventCursor() {
            private int index = -1;
            private Event current;

            @Override
            public boolean next() {
                for (index++; index < snapshot.size(); index++) {
                    Event e = snapshot.get(index);
                    if (e.id().compareTo(from) >= 0 && (trimmed == null || e.id().isAfter(trimmed))) {
                        current = e;
                        return true;
                    }
                }
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
                return ByteBuffer.wrap(current.stored());
            }

            @Override
            public void close() {
            }
        };
    }
}
