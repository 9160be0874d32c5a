package dev.nereid.client.poller;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Bounded exponential backoff with jitter: the n-th wait is {@code initial × multiplier^(n-1)}, capped
 * at {@code max}, then spread at random by ±{@code jitter} (a fraction) so that consumers that failed
 * together do not retry together.
 */
public record Backoff(Duration initial, Duration max, double multiplier, double jitter) {
    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 <= initial <= max: " + initial + ", " + max);
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier below 1: " + multiplier);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter outside [0, 1): " + jitter);
        }
    }

    /** Doubling, with ±20% jitter. */
    public static Backoff exponential(Duration initial, Duration max) {
        return new Backoff(initial, max, 2, 0.2);
    }

    /** The wait before the n-th retry (n from 1), before jitter. */
    public Duration nominal(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n from 1: " + n);
        }
        double millis = initial.toMillis() * Math.pow(multiplier, n - 1);
        return millis >= max.toMillis() ? max : Duration.ofMillis(Math.round(millis));
    }

    /** The wait before the n-th retry (n from 1), jittered. */
    public Duration delay(int n, RandomGenerator random) {
        long nominal = nominal(n).toMillis();
        double spread = jitter == 0 ? 1 : 1 - jitter + 2 * jitter * random.nextDouble();
        return Duration.ofMillis(Math.round(nominal * spread));
    }
}
