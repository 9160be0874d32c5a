package dev.nereid.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads records (events) in event-id order, one at a time, without blocking appends. A cursor sees
 * only durable commits, and always whole ones: it never stops inside a commit because the rest is
 * not yet durable. Commits that become durable while it is open are read as well.
 *
 * <p>Call order: {@link #next()} first; the accessors describe the record it moved to, until the
 * next call. {@link #close()} releases the files it holds.
 */
public interface LogCursor extends Closeable {

    /** Moves to the next record; false when no further durable record exists now. */
    boolean next() throws IOException;

    long commitNum();

    /** 1-based position of the current record in its commit. */
    int opNum();

    long commitTimestamp();

    /** Number of records of the current commit; the record with {@code opNum == recordCount} is its last. */
    int recordCount();

    /** The current record's bytes, as a read-only buffer valid only until the next call to {@link #next()}. */
    ByteBuffer record();

    @Override
    void close() throws IOException;
}
