package dev.nereid.bench;

import java.util.Arrays;

/**
 * Request round trips in nanoseconds, appended by one client thread and merged afterwards. A plain
 * growing array, sorted once for the percentiles: a run holds at most a few hundred thousand.
 */
public final class Latencies {
    private long[] nanos = new long[1 << 14];
    private int size;

    public void add(long value) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = value;
    }

    public void addAll(Latencies other) {
        if (size + other.size > nanos.length) {
            nanos = Arrays.copyOf(nanos, Math.max(size + other.size, size * 2));
        }
        System.arraycopy(other.nanos, 0, nanos, size, other.size);
        size += other.size;
    }

    public int size() {
        return size;
    }

    /** The {@code p}-th percentile (0-100) by the nearest-rank method, in milliseconds. */
    public double percentileMillis(double p) {
        if (size == 0) {
            throw new IllegalStateException("no latencies");
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
