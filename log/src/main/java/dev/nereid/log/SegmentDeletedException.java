package dev.nereid.log;

import java.io.IOException;

/**
 * A cursor or seek needed commits whose segment is gone: deleted by retention after the position
 * was chosen, or emptied by a reset. Callers treat the position as expired.
 */
public class SegmentDeletedException extends IOException {
    private static final long serialVersionUID = 1L;

    public SegmentDeletedException(String message) {
        super(message);
    }
}
