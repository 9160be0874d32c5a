package dev.nereid.server;

import dev.nereid.log.ChangeLog;
import dev.nereid.log.RetentionReport;
import dev.nereid.server.stream.StreamLogs;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired log segments in the background. Reads never depend on it: expiry is applied at
 * read time, so this only reclaims disk, and only where a snapshot covers what it deletes.
 */
final class RetentionTask implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionTask.class);
    private static final Duration PERIOD = Duration.ofMinutes(1);

    private final ScheduledExecutorService scheduler;

    private RetentionTask(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    static RetentionTask start(StreamLogs logs, Duration expiry, Clock clock) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nereid-retention");
            t.setDaemon(true);
            return t;
        });
        List<ChangeLog> all = List.of(logs.propertyGraph(), logs.sparql());
        scheduler.scheduleWithFixedDelay(() -> {
            for (ChangeLog log : all) {
                try {
                    RetentionReport report = log.applyRetention(clock.millis() - expiry.toMillis());
                    if (report.segmentsDeleted() > 0) {
                        LOG.info("retention deleted {} segments ({} bytes)", report.segmentsDeleted(),
                                report.bytesDeleted());
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.warn("retention pass failed; will retry", e);
                }
            }
        }, PERIOD.toSeconds(), PERIOD.toSeconds(), TimeUnit.SECONDS);
        return new RetentionTask(scheduler);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
