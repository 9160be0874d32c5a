package dev.nereid.stream;

import java.nio.ByteBuffer;

/**
 * Events of a stream in event-id order, one at a time. Call {@link #next()} first; the accessors
 * describe the event it moved to until the next call.
 */
public interface EventCursor extends AutoCloseable {

    boolean next();

    long commitNum();

    long opNum();

    long commitTimestamp();

    /** True on the last operation of its commit. */
    boolean isLastOp();

    /** The stored record ({@link RecordCodec} encoding), valid only until the next {@link #next()}. */
    ByteBuffer record();

    @Override
    void close();
}
