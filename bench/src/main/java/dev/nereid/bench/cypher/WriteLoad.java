package dev.nereid.bench.cypher;

import dev.nereid.bench.gremlin.ChildServer;
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
 * A closed loop of writes: each client sends its next write as soon as the previous one is
 * acknowledged, until the round's time is up. Client threads live as long as the load does, so a
 * round starts no thread.
 */
final class WriteLoad implements AutoCloseable {
    private final ExecutorService threads;
    private final ChildServer server;
    private final List<HttpWriter> writers;

    /** What one client did in a round; {@code finished} is when its last answer arrived. */
    private record ClientRun(Latencies latencies, long finished) {
    }

    /** {@code writers}: one per client of the largest count, kept for the whole run; a smaller round uses the first. */
    WriteLoad(ChildServer server, List<HttpWriter> writers) {
        this.server = server;
        this.writers = writers;
        this.threads = Executors.newFixedThreadPool(writers.size(), r -> {
            Thread t = new Thread(r, "http-client");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code clients} clients sending {@code variant} for {@code duration}. Names are numbered
     * by {@code ids}, the variant's own counter, so they are unique across rounds.
     */
    Round run(Variant variant, int clients, AtomicLong ids, Duration duration)
            throws InterruptedException, ExecutionException {
        CountDownLatch go = new CountDownLatch(1);
        long[] end = new long[1];
        List<Future<ClientRun>> results = new ArrayList<>();
        for (HttpWriter writer : writers.subList(0, clients)) {
            results.add(threads.submit(() -> {
                Latencies latencies = new Latencies();
                go.await();
                long stop = end[0];
                long now = System.nanoTime();
                while (now < stop) {
                    writer.write(variant, ids.incrementAndGet());
                    long done = System.nanoTime();
                    latencies.add(done - now);
                    now = done;
                }
                return new ClientRun(latencies, now);
            }));
        }
        long cpuBefore = server.cpuNanos();
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
        long cpu = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
        return new Round(variant, clients, all.size(), last - start, all, cpu);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
