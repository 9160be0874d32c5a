package dev.nereid.client.poller;

import java.time.Duration;
import java.util.Objects;

/**
 * How one read is retried: failures whose {@link dev.nereid.stream.ErrorCode#retryable()} is true
 * (throttling, 5xx) and I/O failures (reset, refused, timeout) are retried after a backoff, up to
 * {@code maxAttempts} attempts in all; anything else fails at once.
 */
public record RetryPolicy(int maxAttempts, Backoff backoff) {
    /** 10 attempts, 100 ms doubling to 10 s: gives up after about 33 s of failures in a row. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(10,
            Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(10)));

    public RetryPolicy {
        Objects.requireNonNull(backoff, "backoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts from 1: " + maxAttempts);
        }
    }
}
