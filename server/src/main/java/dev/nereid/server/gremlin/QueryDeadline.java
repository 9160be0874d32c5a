package dev.nereid.server.gremlin;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stops an HTTP query (Gremlin, or openCypher, which runs as a Gremlin traversal) at the query timeout,
 * the way Gremlin Server stops a WebSocket one: by interrupting the thread running it, which TinkerPop's
 * steps notice. Closing the deadline guarantees the interrupt can no longer come and clears one that
 * came, so the worker thread goes back clean. The log ignores interrupts, so one landing during a commit
 * cannot harm it.
 */
public final class QueryDeadline implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "http-query-deadlines");
        t.setDaemon(true);
        return t;
    });

    private final Thread worker = Thread.currentThread();
    private final ScheduledFuture<?> alarm;
    private boolean closed;
    private boolean fired;

    private QueryDeadline(Duration timeout) {
        alarm = TIMER.schedule(this::fire, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static QueryDeadline start(Duration timeout) {
        return new QueryDeadline(timeout);
    }

    private synchronized void fire() {
        if (!closed) {
            fired = true;
            worker.interrupt();
        }
    }

    /** Whether the query was stopped by this deadline. */
    public synchronized boolean fired() {
        return fired;
    }

    @Override
    public void close() {
        alarm.cancel(false);
        synchronized (this) {
            closed = true;
            if (fired) {
                Thread.interrupted();
            }
        }
    }
}
