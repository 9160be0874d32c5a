package dev.nereid.rdf;

import dev.nereid.log.MemoryChangeLog;
import dev.nereid.log.SetReplay;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import dev.nereid.stream.Op;
import dev.nereid.stream.RdfData;
import dev.nereid.stream.RecordCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oracle of DESIGN §3.4 for RDF: random SPARQL update requests — data inserts and deletes, pattern
 * updates, blank nodes, clear/drop/copy/move/add, several operations in one request — from concurrent
 * clients; then the stream, replayed, must rebuild exactly the live dataset, blank nodes included (their
 * labels are stable, so equality of the stored lines is stronger than isomorphism). Checked by the
 * store's own replay and by an independent set model that also checks the replay contract (every REMOVE
 * names a present quad, every ADD an absent one) and dense commit and op numbers.
 */
class SparqlReplayOracleTest {

    private static final int CLIENTS = 4;
    private static final int REQUESTS_PER_CLIENT = 300;
    private static final String PREFIXES = "PREFIX ex: <http://example.org/> ";

    @TempDir
    Path snapshots;

    /**
     * Concurrent clients (so the writer batches their updates), some requests failing after they wrote
     * (so a batch must undo them), snapshots taken while they run; then the stream replayed as a set, the
     * store reopened from its log, and the store reopened from its newest snapshot plus the log after it,
     * must all hold the live quads — and order them by age exactly as the live store does.
     */
    @Test
    void replayingTheStreamRebuildsTheLiveDataset() throws Exception {
        long seed = Long.getLong("oracle.seed", System.nanoTime());
        MemoryChangeLog log = new MemoryChangeLog();
        try (RdfStore store = RdfStore.open(log, snapshots, null)) {
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger snapshotsTaken = new AtomicInteger();
            Thread snapshotter = new Thread(() -> {
                while (running.get()) {
                    try {
                        store.snapshot().ifPresent(n -> snapshotsTaken.incrementAndGet());
                        Thread.sleep(5);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            });
            snapshotter.start();
            AtomicInteger committed = new AtomicInteger();
            Map<ErrorCode, Integer> failures = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Random random = new Random(seed + c);
                clients.add(pool.submit(() -> {
                    for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                        try {
                            store.update(PREFIXES + Workload.request(random)).ifPresent(x -> committed.incrementAndGet());
                        } catch (NereidException e) {
                            failures.merge(e.errorCode(), 1, Integer::sum);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
            pool.shutdown();
            running.set(false);
            snapshotter.join();

            List<String> live = store.content();
            List<String> byAge = store.contentOldestFirst();
            assertThat(failures.keySet()).as("seed %d", seed).containsOnly(ErrorCode.UNSUPPORTED_OPERATION);
            assertThat(snapshotsTaken.get()).as("seed %d", seed).isPositive();
            assertThat(committed.get()).as("seed %d", seed).isGreaterThan(CLIENTS * REQUESTS_PER_CLIENT / 3);
            assertThat(live).as("seed %d", seed).isNotEmpty();
            assertThat(SetModel.replay(log)).as("seed %d: the stream, replayed as a set", seed)
                    .isEqualTo(new HashSet<>(live));
            try (RdfStore replayed = RdfStore.open(log)) {
                assertThat(replayed.content()).as("seed %d: the store's own replay", seed).isEqualTo(live);
                assertThat(replayed.contentOldestFirst()).as("seed %d: ages after replay", seed).isEqualTo(byAge);
            }
            store.update(PREFIXES + "INSERT DATA { ex:after ex:snapshot 1 }");
            live = store.content();
            byAge = store.contentOldestFirst();
            try (RdfStore restarted = RdfStore.open(log, snapshots, null)) {
                assertThat(restarted.startupReport().snapshotCommitNum()).as("seed %d", seed).isPositive();
                assertThat(restarted.startupReport().replayedCommits()).as("seed %d", seed).isPositive();
                assertThat(restarted.content()).as("seed %d: snapshot + log", seed).isEqualTo(live);
                assertThat(restarted.contentOldestFirst()).as("seed %d: ages after snapshot + log", seed).isEqualTo(byAge);
            }
            System.out.printf("sparql oracle seed %d: %d commits, %d quads%n",
                    seed, log.lastCommit().orElseThrow().commitNum(), live.size());
        }
    }

    /**
     * Random requests over a few subjects, values and graphs, so requests collide, re-add and remove.
     * Every request is valid SPARQL: graph operations are SILENT, as a missing graph is an error.
     */
    static final class Workload {
        static String request(Random r) {
            int operations = 1 + (r.nextInt(4) == 0 ? r.nextInt(3) : 0);
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < operations; i++) {
                // A blank node label names one node per request, so each operation gets its own.
                parts.add(operation(r).replace("_:a", "_:a" + i));
            }
            if (r.nextInt(15) == 0) {
                // Fails after its other operations wrote: the whole request must leave nothing.
                parts.add("LOAD <file:///nereid-oracle-has-no-load-directory.ttl>");
            }
            return String.join(" ;\n", parts);
        }

        private static String operation(Random r) {
            String g = "ex:g" + r.nextInt(3);
            String h = "ex:g" + r.nextInt(3);
            return switch (r.nextInt(12)) {
                case 0, 1, 2 -> "INSERT DATA { " + triple(r) + " . " + triple(r) + " }";
                case 3 -> "INSERT DATA { GRAPH " + g + " { " + triple(r) + " } }";
                case 4 -> "DELETE DATA { " + triple(r) + " }";
                case 5 -> "DELETE DATA { GRAPH " + g + " { " + triple(r) + " } }";
                case 6 -> "DELETE { ?s ex:p" + r.nextInt(3) + " ?o } INSERT { ?s ex:p" + r.nextInt(3) + " " + value(r)
                        + " } WHERE { ?s ex:p" + r.nextInt(3) + " ?o }";
                case 7 -> "DELETE WHERE { ex:s" + r.nextInt(4) + " ?p ?o }";
                case 8 -> "INSERT DATA { ex:s" + r.nextInt(4) + " ex:addr _:a . _:a ex:city " + value(r) + " }";
                case 9 -> "DELETE WHERE { ?s ex:addr ?a . ?a ex:city ?c }";
                case 10 -> switch (r.nextInt(6)) {
                    case 0 -> "CLEAR SILENT GRAPH " + g;
                    case 1 -> "DROP SILENT GRAPH " + g;
                    case 2 -> "COPY SILENT " + g + " TO " + h;
                    case 3 -> "MOVE SILENT " + g + " TO " + h;
                    case 4 -> "ADD SILENT DEFAULT TO " + g;
                    default -> "CLEAR DEFAULT";
                };
                default -> "INSERT { GRAPH " + g + " { ?s ?p ?o } } WHERE { ?s ?p ?o FILTER (?p = ex:p" + r.nextInt(3) + ") }";
            };
        }

        private static String triple(Random r) {
            return "ex:s" + r.nextInt(4) + " ex:p" + r.nextInt(3) + " " + value(r);
        }

        private static String value(Random r) {
            return switch (r.nextInt(5)) {
                case 0 -> Integer.toString(r.nextInt(4));
                case 1 -> "\"v" + r.nextInt(4) + "\"";
                case 2 -> "\"w" + r.nextInt(3) + "\"@en";
                case 3 -> "ex:o" + r.nextInt(4);
                default -> "\"line\\n" + r.nextInt(3) + "\"";
            };
        }
    }

    /** An independent replayer: stmt strings in a set, with the replay contract checked. */
    static final class SetModel {
        static Set<String> replay(MemoryChangeLog log) throws Exception {
            return SetReplay.replay(log, r -> RecordCodec.op(r) == Op.ADD,
                    r -> RdfData.fromJson(RecordCodec.data(r)).stmt());
        }
    }
}
