package dev.nereid.log;

import java.time.Clock;
import java.util.Objects;

/**
 * Settings of one change log.
 *
 * @param segmentBytes a segment is closed and a new one started once it holds at least this many
 *                     bytes; a commit is never split across segments, so a segment may be larger
 * @param durability   when an append is acknowledged
 * @param clock        source of commit timestamps (epoch ms); injected so retention can be tested
 */
public record LogConfig(long segmentBytes, Durability durability, Clock clock) {
    public static final long DEFAULT_SEGMENT_BYTES = 64L * 1024 * 1024;

    public LogConfig {
        if (segmentBytes < 4096) {
            throw new IllegalArgumentException("segmentBytes must be at least 4096: " + segmentBytes);
        }
        Objects.requireNonNull(durability, "durability");
        Objects.requireNonNull(clock, "clock");
    }

    public static LogConfig defaults() {
        return new LogConfig(DEFAULT_SEGMENT_BYTES, Durability.FSYNC, Clock.systemUTC());
    }

    public LogConfig withDurability(Durability d) {
        return new LogConfig(segmentBytes, d, clock);
    }

    public LogConfig withClock(Clock c) {
        return new LogConfig(segmentBytes, durability, c);
    }
}
