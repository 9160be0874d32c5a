package dev.nereid.bench.sparql;

import dev.nereid.bench.Latencies;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A closed loop of updates: each client sends its next update as soon as the previous one is answered,
 * until the round's time is up. An update that is not acknowledged is counted, never timed: the rate
 * and the latencies are of acknowledged updates only. Client threads live as long as the load does, so
 * a round starts no thread.
 */
final class UpdateLoad implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ExecutorService threads;

    /** What one client did in a round; {@code finished} is when its last answer arrived. */
    private record ClientRun(Latencies latencies, long failures, String firstFailure, long finished) {
    }

    UpdateLoad(int maxClients) {
        threads = Executors.newFixedThreadPool(maxClients, r -> {
            Thread t = new Thread(r, "sparql-client");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code clients} of the target's clients for {@code duration}; subjects are numbered by its own counter. */
    Round run(Target target, int clients, Duration duration) throws InterruptedException, ExecutionException {
        CountDownLatch go = new CountDownLatch(1);
        long[] end = new long[1];
        List<Future<ClientRun>> results = new ArrayList<>();
        for (SparqlClient client : target.first(clients)) {
            results.add(threads.submit(() -> {
                Latencies latencies = new Latencies();
                long failures = 0;
                String firstFailure = null;
                go.await();
                long stop = end[0];
                long now = System.nanoTime();
                while (now < stop) {
                    try {
                        long commitNum = client.update(InsertData.small(target.ids().incrementAndGet()), TIMEOUT);
                        long done = System.nanoTime();
                        latencies.add(done - now);
                        now = done;
                        if (target.server().isNereid()) {
                            target.commits().add(commitNum);
                        }
                    } catch (IOException e) {
                        failures++;
                        if (firstFailure == null) {
                            firstFailure = e.toString();
                        }
                        now = System.nanoTime();
                    }
                }
                return new ClientRun(latencies, failures, firstFailure, now);
            }));
        }
        long cpuBefore = target.child().cpuNanos();
        long start = System.nanoTime();
        end[0] = start + duration.toNanos();
        go.countDown();
        Latencies all = new Latencies();
        long failures = 0;
        String firstFailure = null;
        long last = start;
        for (Future<ClientRun> result : results) {
            ClientRun run = result.get();
            all.addAll(run.latencies());
            failures += run.failures();
            if (firstFailure == null) {
                firstFailure = run.firstFailure();
            }
            last = Math.max(last, run.finished());
        }
        long cpuAfter = target.child().cpuNanos();
        long cpu = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
        return new Round(target.server(), clients, all.size(), failures, firstFailure, last - start, all, cpu);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
