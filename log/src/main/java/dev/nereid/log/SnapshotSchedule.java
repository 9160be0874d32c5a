package dev.nereid.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Takes snapshots of an engine in the background: every {@code interval}, if at least {@code minCommits}
 * commits came since the last snapshot, and once more on {@link #close()} (shutdown) if anything came
 * since. Snapshots bound start-up time and let retention delete old log segments.
 */
public final class SnapshotSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotSchedule.class);

    private final Snapshotting engine;
    private final long minCommits;
    private final ScheduledExecutorService timer;

    private SnapshotSchedule(Snapshotting engine, Duration interval, long minCommits) {
        this.engine = engine;
        this.minCommits = minCommits;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, engine.name() + "-snapshots");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(() -> takeIfBehind(this.minCommits), millis, millis, TimeUnit.MILLISECONDS);
    }

    public static SnapshotSchedule start(Snapshotting engine, Duration interval, long minCommits) {
        if (interval.isNegative() || interval.isZero() || minCommits < 1) {
            throw new IllegalArgumentException("snapshot interval and commit threshold must be positive");
        }
        return new SnapshotSchedule(engine, interval, minCommits);
    }

    private void takeIfBehind(long threshold) {
        try {
            long last = engine.log().lastCommit().map(c -> c.commitNum()).orElse(0L);
            long behind = last - engine.lastSnapshotCommitNum();
            if (behind >= threshold) {
                long start = System.nanoTime();
                engine.snapshot().ifPresent(n -> LOG.info("{} snapshot at commit {} taken in {} ms", engine.name(),
                        n, (System.nanoTime() - start) / 1_000_000));
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("{} snapshot failed; the log still holds everything", engine.name(), e);
        }
    }

    /** Stops the schedule and snapshots what came since the last snapshot. Call before closing the log. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        takeIfBehind(1);
    }
}
