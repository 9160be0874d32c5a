package dev.nereid.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private static void sleepMillis(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    private static void await(CountDownLatch latch) throws IOException {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    @Test
    void oneForceServesEveryTicketWrittenBeforeIt() throws Exception {
        AtomicLong written = new AtomicLong();
        AtomicInteger forces = new AtomicInteger();
        GroupCommit group = new GroupCommit(() -> {
            long covered = written.get();
            forces.incrementAndGet();
            sleepMillis(2);
            return covered;
        });
        int threads = 16;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        group.awaitDurable(written.incrementAndGet());
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(forces.get()).isBetween(1, threads * perThread / 2);
    }

    @Test
    void aFailedForceFailsEveryWaiterAndIsNeverRetried() throws Exception {
        AtomicInteger forces = new AtomicInteger();
        CountDownLatch forcing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit group = new GroupCommit(() -> {
            forces.incrementAndGet();
            forcing.countDown();
            await(release);
            throw new IOException("fsync failed");
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> leader = pool.submit(() -> {
                group.awaitDurable(1);
                return null;
            });
            assertThat(forcing.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> follower = pool.submit(() -> {
                group.awaitDurable(2);
                return null;
            });
            release.countDown();
            assertThatThrownBy(() -> leader.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("fsync failed");
            assertThatThrownBy(() -> follower.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("fsync failed");
            assertThatThrownBy(() -> group.awaitDurable(3)).isInstanceOf(IOException.class)
                    .hasRootCauseMessage("fsync failed");
            assertThat(forces.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTicketAlreadyDurableStaysSoAfterAFailure() throws IOException {
        AtomicInteger forces = new AtomicInteger();
        GroupCommit group = new GroupCommit(() -> {
            forces.incrementAndGet();
            return 5;
        });
        group.awaitDurable(3);
        group.fail(new IOException("disk gone"));
        group.awaitDurable(5);
        assertThatThrownBy(() -> group.awaitDurable(6)).isInstanceOf(IOException.class);
        assertThat(forces.get()).isEqualTo(1);
    }
}
