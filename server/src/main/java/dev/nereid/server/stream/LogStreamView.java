package dev.nereid.server.stream;

import dev.nereid.log.ChangeLog;
import dev.nereid.log.CommitInfo;
import dev.nereid.log.LogCursor;
import dev.nereid.stream.EventCursor;
import dev.nereid.stream.EventId;
import dev.nereid.stream.StreamView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;

/**
 * A change log seen as a stream at one instant (spec §3.2, §7): commits older than the expiry are
 * trimmed at read time, whether or not retention has deleted them yet, so no page ever holds an
 * expired record.
 */
public final class LogStreamView implements StreamView {
    private final ChangeLog log;
    private final long expireBeforeMillis;

    public LogStreamView(ChangeLog log, Duration expiry, long nowMillis) {
        this.log = log;
        this.expireBeforeMillis = nowMillis - expiry.toMillis();
    }

    @Override
    public Optional<EventId> lastTrimmed() {
        Optional<CommitInfo> deleted = log.lastDeleted();
        Optional<CommitInfo> expired;
        try {
            expired = log.lastCommitBefore(expireBeforeMillis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<CommitInfo> newest = expired.isPresent()
                && (deleted.isEmpty() || expired.get().commitNum() > deleted.get().commitNum()) ? expired : deleted;
        return newest.map(LogStreamView::lastEventOf);
    }

    @Override
    public Optional<EventId> last() {
        return log.lastCommit().map(LogStreamView::lastEventOf);
    }

    @Override
    public EventCursor open(EventId from) {
        try {
            return new Cursor(log.cursor(from.commitNum(), from.opNum()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EventId lastEventOf(CommitInfo commit) {
        return new EventId(commit.commitNum(), commit.recordCount());
    }

    private static final class Cursor implements EventCursor {
        private final LogCursor cursor;

        Cursor(LogCursor cursor) {
            this.cursor = cursor;
        }

        @Override
        public boolean next() {
            try {
                return cursor.next();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public long commitNum() {
            return cursor.commitNum();
        }

        @Override
        public long opNum() {
            return cursor.opNum();
        }

        @Override
        public long commitTimestamp() {
            return cursor.commitTimestamp();
        }

        @Override
        public boolean isLastOp() {
            return cursor.opNum() == cursor.recordCount();
        }

        @Override
        public ByteBuffer record() {
            return cursor.record();
        }

        @Override
        public void close() {
            try {
                cursor.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
