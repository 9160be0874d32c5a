package dev.nereid.server.gremlin;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * The requests of one connection handed to an op processor and not yet finally answered, so the
 * connection can be closed once its last answer is written (see {@link WebSocketEnds}). Answers are
 * written from worker threads, hence the lock.
 */
final class InFlightRequests {
    private static final AttributeKey<InFlightRequests> KEY = AttributeKey.valueOf("nereid.inFlight");

    private int count;
    private Runnable whenIdle;

    static InFlightRequests of(Channel channel) {
        InFlightRequests requests = channel.attr(KEY).get();
        if (requests == null) {
            InFlightRequests created = new InFlightRequests();
            requests = channel.attr(KEY).setIfAbsent(created);
            return requests == null ? created : requests;
        }
        return requests;
    }

    synchronized void started() {
        count++;
    }

    void answered() {
        Runnable idle;
        synchronized (this) {
            count--;
            idle = count == 0 ? whenIdle : null;
            if (idle != null) {
                whenIdle = null;
            }
        }
        if (idle != null) {
            idle.run();
        }
    }

    /** Runs {@code action} now if nothing is in flight, else once the last request in flight is answered. */
    void whenIdle(Runnable action) {
        synchronized (this) {
            if (count > 0) {
                whenIdle = action;
                return;
            }
        }
        action.run();
    }
}
