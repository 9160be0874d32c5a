package dev.nereid.stream;

/** A position in a stream: a commit and an operation within it. Ordered by commitNum, then opNum. */
public record EventId(long commitNum, long opNum) implements Comparable<EventId> {
    public EventId {
        if (commitNum < 0 || opNum < 0) {
            throw new IllegalArgumentException("event ids are non-negative: " + commitNum + ":" + opNum);
        }
    }

    @Override
    public int compareTo(EventId o) {
        int c = Long.compare(commitNum, o.commitNum);
        return c != 0 ? c : Long.compare(opNum, o.opNum);
    }

    public boolean isAfter(EventId o) {
        return compareTo(o) > 0;
    }

    public boolean isBefore(EventId o) {
        return compareTo(o) < 0;
    }
}
