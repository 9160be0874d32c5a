package dev.nereid.log;

import java.io.IOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Shares forced writes among concurrent appenders. Every written frame gets a ticket (a counter
 * that only grows, across resets too); an appender waits until its ticket is durable. One waiter
 * at a time becomes the flusher: it forces once, which covers every frame written before the
 * force began, and wakes everyone covered. Appenders that arrive during a force wait for the next
 * one, so one force serves a whole group.
 *
 * <p>A failed force fails every current and later wait: after a failed fsync the state of the page
 * cache is unknown, so the force is never retried.
 */
final class GroupCommit {

    /** Makes every frame written so far durable and returns the newest ticket that covers. */
    @FunctionalInterface
    interface Flush {
        long flushAll() throws IOException;
    }

    private final Flush flush;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long durableTicket;
    private boolean flushing;
    private IOException failure;

    GroupCommit(Flush flush) {
        this.flush = flush;
    }

    /** Returns once the frame with this ticket is durable; throws if the log failed first. */
    void awaitDurable(long ticket) throws IOException {
        lock.lock();
        try {
            while (durableTicket < ticket) {
                if (failure != null) {
                    throw new IOException("the log failed before this commit was durable", failure);
                }
                if (flushing) {
                    changed.awaitUninterruptibly();
                } else {
                    flushAsLeader();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Marks the log failed: every waiter, now or later, whose frame is not yet durable throws. */
    void fail(IOException cause) {
        lock.lock();
        try {
            if (failure == null) {
                failure = cause;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void flushAsLeader() {
        flushing = true;
        lock.unlock();
        long covered = -1;
        Throwable error = null;
        try {
            covered = flush.flushAll();
        } catch (IOException | RuntimeException | Error e) {
            error = e;
        } finally {
            lock.lock();
            flushing = false;
        }
        if (error == null) {
            durableTicket = Math.max(durableTicket, covered);
        } else if (failure == null) {
            failure = error instanceof IOException io ? io : new IOException("force failed", error);
        }
        changed.signalAll();
    }
}
