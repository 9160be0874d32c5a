package dev.nereid.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Serves one read of a stream: resolves the start position (spec §3.2), picks the outcome (§3.3)
 * and assembles and renders the page (§3.4).
 *
 * <p>The view is asked for {@code lastTrimmed} and {@code last} once, and the page never goes past
 * that {@code last}: every answer describes one moment, even while commits are being appended.
 */
public final class PageReader {
    /** The 10 MB cap of §3.4 (10 MiB, measured on the uncompressed body). */
    public static final long DEFAULT_MAX_BODY_BYTES = 10_485_760L;

    /** Records are ~150-300 bytes; this fits a default page of 10 without growing. */
    private static final int INITIAL_RECORD_BYTES = 4096;
    /** Presizing stops here; past it the buffer grows by doubling. */
    private static final long PRESIZE_LIMIT = 16L * 1024 * 1024;
    /** Room past the cap for the record that crosses it; a larger record grows the buffer once. */
    private static final long CROSSING_RECORD_ROOM = 64 * 1024;

    private PageReader() {
    }

    public static RenderedPage read(StreamView view, StreamRequest request, StreamFormat format) {
        return read(view, request, format, DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * @param maxBodyBytes the page ends at the first record whose inclusion makes the body longer
     *                     than this; that record stays in the page
     * @throws NereidException {@link ErrorCode#EXPIRED_STREAM} or {@link ErrorCode#STREAM_RECORDS_NOT_FOUND}
     */
    public static RenderedPage read(StreamView view, StreamRequest request, StreamFormat format, long maxBodyBytes) {
        Objects.requireNonNull(format, "format");
        Start start = Start.of(view, request);
        try (EventCursor cursor = start.open(view)) {
            return assemble(cursor, start.pageSize, format, maxBodyBytes, start.lastReadable);
        }
    }

    public static PagePlan plan(StreamView view, StreamRequest request, StreamFormat format) {
        return plan(view, request, format, DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * Decides the page {@link #read} would return, with the same outcomes and errors, without
     * rendering it: a pass over the events that only adds up lengths. {@link #write} then renders
     * exactly that page.
     */
    public static PagePlan plan(StreamView view, StreamRequest request, StreamFormat format, long maxBodyBytes) {
        Objects.requireNonNull(format, "format");
        Start start = Start.of(view, request);
        int n = start.pageSize;
        EventId lastReadable = start.lastReadable;
        try (EventCursor cursor = start.open(view)) {
            EventId first = new EventId(cursor.commitNum(), cursor.opNum());
            PageWriter.Measure measure = new PageWriter.Measure(format);
            long bodyLength;
            long lastCommitNum;
            long lastOpNum;
            long lastTimestamp;
            do {
                lastCommitNum = cursor.commitNum();
                lastOpNum = cursor.opNum();
                lastTimestamp = cursor.commitTimestamp();
                bodyLength = measure.add(lastCommitNum, lastOpNum, lastTimestamp, cursor.isLastOp(), cursor.record());
            } while (measure.count() < n && bodyLength <= maxBodyBytes && cursor.next()
                    && !isPast(cursor, lastReadable));
            return new PagePlan(format, first, measure.count(), new EventId(lastCommitNum, lastOpNum), lastTimestamp,
                    bodyLength);
        }
    }

    /**
     * Renders a planned page into {@code sink} in chunks of about {@code chunkBytes}, so the first
     * chunk can be on its way while the rest is rendered.
     *
     * @throws IOException if the sink fails, or if the view no longer holds the planned events
     *                     (a reset or retention in between); the body is then incomplete
     */
    public static void write(StreamView view, PagePlan plan, PageSink sink, int chunkBytes) throws IOException {
        PageWriter page = new PageWriter(plan, sink, chunkBytes);
        try (EventCursor cursor = view.open(plan.first())) {
            for (int i = 0; i < plan.totalRecords(); i++) {
                if (!cursor.next()) {
                    throw new IOException("the stream ended before the planned page did");
                }
                page.append(cursor.commitNum(), cursor.opNum(), cursor.commitTimestamp(), cursor.isLastOp(),
                        cursor.record());
            }
            if (page.lastEventId().compareTo(plan.lastEventId()) != 0 || page.finishTo() != plan.bodyLength()) {
                throw new IOException("the page rendered differs from the page planned");
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Where a read starts (spec §3.2), decided once from one look at the view: the outcome is
     * either an error (§3.3) or a cursor on the page's first event.
     */
    private static final class Start {
        final EventId from;
        final EventId lastReadable;
        final int pageSize;

        private Start(EventId from, EventId lastReadable, int pageSize) {
            this.from = from;
            this.lastReadable = lastReadable;
            this.pageSize = pageSize;
        }

        static Start of(StreamView view, StreamRequest request) {
            Objects.requireNonNull(view, "view");
            Objects.requireNonNull(request, "request");
            Optional<EventId> trimmed = view.lastTrimmed();
            Optional<EventId> last = view.last();
            // K is empty also when the view still reports a last event that has been trimmed.
            EventId lastReadable = last.filter(l -> trimmed.isEmpty() || l.isAfter(trimmed.get())).orElse(null);
            EventId from = start(request, trimmed.orElse(null), lastReadable);
            if (from == null || lastReadable == null || from.isAfter(lastReadable)) {
                throw notFound(lastReadable);
            }
            int n = request.iteratorType() == IteratorType.LATEST ? 1 : request.limit();
            return new Start(from, lastReadable, n);
        }

        /** A cursor on the first event of the page; closed here if there is none. */
        EventCursor open(StreamView view) {
            EventCursor cursor = view.open(from);
            boolean positioned = false;
            try {
                if (!cursor.next() || isPast(cursor, lastReadable)) {
                    throw notFound(lastReadable);
                }
                positioned = true;
                return cursor;
            } finally {
                if (!positioned) {
                    cursor.close();
                }
            }
        }
    }

    /**
     * The smallest event id the page may start at, or null when no event can follow.
     *
     * @throws NereidException when the start lies in the trimmed prefix
     */
    private static EventId start(StreamRequest request, EventId trimmed, EventId lastReadable) {
        return switch (request.iteratorType()) {
            // The first of K is the first event after the trimmed prefix.
            case TRIM_HORIZON -> trimmed == null ? new EventId(0, 0) : after(trimmed.commitNum(), trimmed.opNum());
            case LATEST -> lastReadable;
            case AT_SEQUENCE_NUMBER -> {
                EventId at = new EventId(request.commitNum(), request.opNum());
                if (trimmed != null && at.compareTo(trimmed) <= 0) {
                    throw Exceptions.expired();
                }
                yield at;
            }
            case AFTER_SEQUENCE_NUMBER -> {
                if (trimmed != null && new EventId(request.commitNum(), request.opNum()).isBefore(trimmed)) {
                    throw Exceptions.expired();
                }
                yield after(request.commitNum(), request.opNum());
            }
        };
    }

    /** The smallest possible event id after (c, o); a view opens past a commit's end at the next commit. */
    private static EventId after(long commitNum, long opNum) {
        if (opNum < Long.MAX_VALUE) {
            return new EventId(commitNum, opNum + 1);
        }
        return commitNum < Long.MAX_VALUE ? new EventId(commitNum + 1, 0) : null;
    }

    private static RenderedPage assemble(EventCursor cursor, int n, StreamFormat format, long maxBodyBytes,
                                         EventId lastReadable) {
        PageWriter page = new PageWriter(format, INITIAL_RECORD_BYTES);
        long bodyLength = page.append(cursor.commitNum(), cursor.opNum(), cursor.commitTimestamp(),
                cursor.isLastOp(), cursor.record());
        if (n > 1 && bodyLength <= maxBodyBytes) {
            // A page that reaches the cap keeps the record that crosses it: leave room for that
            // record too, or the last append would copy the whole page into a buffer twice as big.
            long expected = Math.min((long) page.recordBytes() * n,
                    Math.min(maxBodyBytes + CROSSING_RECORD_ROOM, PRESIZE_LIMIT));
            page.expectRecordBytes(expected);
        }
        while (page.count() < n && bodyLength <= maxBodyBytes && cursor.next() && !isPast(cursor, lastReadable)) {
            bodyLength = page.append(cursor.commitNum(), cursor.opNum(), cursor.commitTimestamp(),
                    cursor.isLastOp(), cursor.record());
        }
        return page.finish();
    }

    private static boolean isPast(EventCursor cursor, EventId last) {
        long c = cursor.commitNum();
        return c > last.commitNum() || (c == last.commitNum() && cursor.opNum() > last.opNum());
    }

    private static NereidException notFound(EventId lastReadable) {
        return lastReadable == null ? Exceptions.fromTheFuture() : Exceptions.fromTheFuture(lastReadable);
    }

    /** The position errors of spec §3.3 and §4, byte-exact: clients parse these texts. */
    public static final class Exceptions {
        private Exceptions() {
        }

        public static NereidException expired() {
            return new NereidException(ErrorCode.EXPIRED_STREAM,
                    "All of the requested records exceed the maximum age allowed and have expired.");
        }

        /** Nothing is readable at all. */
        public static NereidException fromTheFuture() {
            return new NereidException(ErrorCode.STREAM_RECORDS_NOT_FOUND, "Requested startEventId is from the future");
        }

        /** The start lies past {@code lastValid}, the newest readable event. */
        public static NereidException fromTheFuture(EventId lastValid) {
            return new NereidException(ErrorCode.STREAM_RECORDS_NOT_FOUND,
                    "Requested startEventId is from the future. Last valid eventId is [commitNum = "
                            + lastValid.commitNum() + ", opNum = " + lastValid.opNum() + "]");
        }
    }
}
