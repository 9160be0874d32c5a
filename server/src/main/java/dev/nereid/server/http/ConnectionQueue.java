package dev.nereid.server.http;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's requests, run one after another in arrival order on a pool shared by all connections.
 * Answers must leave in the order requests came (HTTP/1.1 pipelining), but a connection must never wait for
 * another's slow query: with executors pinned to connections, as Netty's executor groups pin them, one long
 * parse or query stalled every connection that happened to share its thread.
 */
final class ConnectionQueue implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionQueue.class);

    private final Executor pool;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private boolean draining;

    ConnectionQueue(Executor pool) {
        this.pool = pool;
    }

    /**
     * Runs {@code task} after every task given before it. Throws {@link java.util.concurrent.RejectedExecutionException}
     * when the pool is shut down and nothing of this connection's is running to pick it up.
     */
    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            waiting.add(task);
            if (draining) {
                return;
            }
            draining = true;
        }
        try {
            pool.execute(this::drain);
        } catch (RuntimeException e) {
            synchronized (this) {
                waiting.clear();
                draining = false;
            }
            throw e;
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException | Error e) {
                // Each task answers for its own failures; one that escapes must not strand the tasks behind it.
                LOG.error("a request task failed", e);
            }
        }
    }
}
