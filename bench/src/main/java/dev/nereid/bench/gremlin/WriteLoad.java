package dev.nereid.bench.gremlin;

import dev.nereid.bench.Latencies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed loop of writes: each client sends its next mutation as soon as the previous one is
 * acknowledged, until the round's time is up. Client threads live as long as the load does, so a
 * round starts no thread.
 */
final class WriteLoad implements AutoCloseable {
    private final ExecutorService threads;

    /** What one client did in a round; {@code finished} is when its last answer arrived. */
    private record ClientRun(Latencies latencies, long finished) {
    }

    WriteLoad(int maxClients) {
        threads = Executors.newFixedThreadPool(maxClients, r -> {
            Thread t = new Thread(r, "gremlin-client");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code clients.size()} clients against one server for {@code duration}. Vertex ids come
     * from {@code ids}, the server's own counter, so they are unique across rounds.
     */
    Round run(ChildServer server, List<WriteClient> clients, AtomicLong ids, Duration duration)
            throws InterruptedException, ExecutionException {
        CountDownLatch go = new CountDownLatch(1);
        long[] end = new long[1];
        List<Future<ClientRun>> results = new ArrayList<>();
        for (WriteClient client : clients) {
            results.add(threads.submit(() -> {
                Latencies latencies = new Latencies();
                go.await();
                long stop = end[0];
                long now = System.nanoTime();
                while (now < stop) {
                    long n = ids.incrementAndGet();
                    client.addPerson("p" + n, "person " + n, (int) (n % 100));
                    long done = System.nanoTime();
                    latencies.add(done - now);
                    now = done;
                }
                return new ClientRun(latencies, now);
            }));
        }
        long cpuBefore = server.cpuNanos();
        long clientCpuBefore = ownCpuNanos();
        long start = System.nanoTime();
        end[0] = start + duration.toNanos();
        go.countDown();
        Latencies all = new Latencies();
        long last = start;
        for (Future<ClientRun> result : results) {
            ClientRun run = result.get();
            all.addAll(run.latencies());
            last = Math.max(last, run.finished());
        }
        long cpuAfter = server.cpuNanos();
        long clientCpuAfter = ownCpuNanos();
        return new Round(server.kind(), clients.size(), all.size(), last - start, all, difference(cpuBefore, cpuAfter),
                difference(clientCpuBefore, clientCpuAfter));
    }

    private static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    private static long difference(long before, long after) {
        return before < 0 || after < 0 ? -1 : after - before;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
