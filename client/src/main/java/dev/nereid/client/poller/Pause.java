package dev.nereid.client.poller;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The waits of a reader (backoff, idle polling), cut short at once by {@link #stop()}. */
public final class Pause {
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * @return true when the full time passed, false when stopped (before or during the wait)
     */
    public boolean sleep(Duration duration) {
        try {
            return !stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return false;
        }
    }

    public void stop() {
        stopped.countDown();
    }

    public boolean isStopped() {
        return stopped.getCount() == 0;
    }
}
