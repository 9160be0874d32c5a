package dev.nereid.graph;

import dev.nereid.graph.capture.PgChange;
import dev.nereid.graph.gremlin.NeptuneScriptEngine;
import dev.nereid.log.MemoryChangeLog;
import dev.nereid.log.SetReplay;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import dev.nereid.stream.Op;
import dev.nereid.stream.PgData;
import dev.nereid.stream.RecordCodec;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.junit.jupiter.api.Test;

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
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oracle of DESIGN §3.4: random Gremlin transactions and openCypher statements — adds, updates, drops,
 * multi-labels, label changes, MERGE, failures, rollbacks — from concurrent clients; then the stream, replayed,
 * must rebuild exactly the live graph.
 * Checked twice: by Nereid's own start-up replay (order included) and by an independent set model that
 * also checks the replay contract (every REMOVE names a present statement, every ADD an absent one) and
 * dense commit and op numbers.
 */
class ReplayOracleTest {

    private static final int CLIENTS = 4;
    private static final int TRANSACTIONS_PER_CLIENT = 400;

    @Test
    void replayingTheStreamRebuildsTheLiveGraph() throws Exception {
        long seed = Long.getLong("oracle.seed", System.nanoTime());
        MemoryChangeLog log = new MemoryChangeLog();
        try (GraphFixture f = new GraphFixture(log)) {
            AtomicInteger committed = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicInteger rolledBack = new AtomicInteger();
            Map<ErrorCode, Integer> failures = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Random random = new Random(seed + c);
                clients.add(pool.submit(() -> {
                    for (int i = 0; i < TRANSACTIONS_PER_CLIENT; i++) {
                        String script = Workload.transaction(random);
                        if (random.nextInt(10) == 0) {
                            runAndRollBack(f, script);
                            rolledBack.incrementAndGet();
                            continue;
                        }
                        try {
                            if (random.nextInt(3) == 0) {
                                f.cypher(Workload.cypher(random));
                            } else {
                                f.run(script);
                            }
                            committed.incrementAndGet();
                        } catch (NereidException e) {
                            failed.incrementAndGet();
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

            List<PgChange> live = f.graph.content();
            assertThat(failures).as("seed %d", seed).doesNotContainKey(ErrorCode.INTERNAL_FAILURE);
            assertThat(committed.get()).as("seed %d", seed).isGreaterThan(CLIENTS * TRANSACTIONS_PER_CLIENT / 3);
            assertThat(f.lastCommitNum()).as("seed %d", seed).isGreaterThan(100);
            assertThat(live).as("seed %d", seed).isNotEmpty();

            // The independent model first: it tells whether the stream itself agrees with the live graph.
            assertThat(SetModel.replay(log)).as("seed %d: the stream, replayed as a set", seed)
                    .isEqualTo(SetModel.statements(live));
            try (NereidGraph replayed = NereidGraph.open(log)) {
                assertSameContent(seed, live, replayed.content());
            }
            System.out.printf("oracle seed %d: %d commits, %d committed, %d failed %s, %d rolled back, %d statements%n",
                    seed, f.lastCommitNum(), committed.get(), failed.get(), failures, rolledBack.get(), live.size());
        }
    }

    /** Fails naming the seed and the first statement that differs, not two lists of hundreds. */
    private static void assertSameContent(long seed, List<PgChange> live, List<PgChange> replayed) {
        for (int i = 0; i < Math.max(live.size(), replayed.size()); i++) {
            PgChange expected = i < live.size() ? live.get(i) : null;
            PgChange actual = i < replayed.size() ? replayed.get(i) : null;
            if (!java.util.Objects.equals(expected, actual)) {
                throw new AssertionError(String.format(
                        "seed %d: Nereid's start-up replay differs from the live graph at statement %d%n"
                                + "live:     %s%nreplayed: %s", seed, i,
                        live.subList(Math.max(0, i - 2), Math.min(live.size(), i + 3)),
                        replayed.subList(Math.max(0, i - 2), Math.min(replayed.size(), i + 3))));
            }
        }
    }

    private static void runAndRollBack(GraphFixture f, String script) {
        try {
            Object last = NeptuneScriptEngine.evaluate(f.g, script);
            if (last instanceof Traversal<?, ?> t) {
                t.iterate();
            }
        } catch (RuntimeException ignored) {
            // a failing script rolled back is still rolled back
        } finally {
            f.graph.tx().rollback();
        }
    }

    /** Random Gremlin over a small id space, so transactions collide, re-add and drop the same elements. */
    static final class Workload {
        private static final String[] LABELS = {"A", "B", "C", "A::B", "B::C"};

        static String transaction(Random r) {
            int steps = 1 + r.nextInt(4);
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < steps; i++) {
                parts.add(step(r));
            }
            return String.join("\n", parts);
        }

        private static String step(Random r) {
            String v = "'v" + r.nextInt(16) + "'";
            String w = "'v" + r.nextInt(16) + "'";
            String e = "'e" + r.nextInt(24) + "'";
            String k = "'k" + r.nextInt(4) + "'";
            return switch (r.nextInt(14)) {
                case 0, 1, 12, 13 -> "g.addV('" + LABELS[r.nextInt(LABELS.length)] + "').property(id," + v + ").property(" + k + "," + value(r) + ")";
                case 2 -> "g.V(" + v + ").property(" + k + "," + value(r) + ")";
                case 3 -> "g.V(" + v + ").property(single," + k + "," + value(r) + ")";
                case 4 -> "g.V(" + v + ").properties(" + k + ").drop()";
                case 5 -> "g.V(" + v + ").drop()";
                case 6, 7 -> "g.V(" + v + ").addE('" + LABELS[r.nextInt(3)] + "').to(__.V(" + w + ")).property(id," + e + ").property('w'," + value(r) + ")";
                case 8 -> "g.E(" + e + ").property(" + k + "," + value(r) + ")";
                case 9 -> "g.E(" + e + ").drop()";
                case 10 -> r.nextInt(4) == 0
                        ? "g.V().hasLabel('" + LABELS[r.nextInt(LABELS.length)] + "').limit(2).drop()"
                        : "g.V(" + v + ").outE().limit(1).property(" + k + "," + value(r) + ")";
                default -> "g.V(" + v + ").both().property(" + k + "," + value(r) + ")";
            };
        }

        /** One openCypher statement over the same ids, labels and keys: one transaction. */
        static String cypher(Random r) {
            String v = "`~id`: 'v" + r.nextInt(16) + "'";
            String w = "`~id`: 'v" + r.nextInt(16) + "'";
            String e = "'e" + r.nextInt(24) + "'";
            String k = "k" + r.nextInt(4);
            String label = LABELS[r.nextInt(3)];
            return switch (r.nextInt(12)) {
                case 0 -> "CREATE (n:" + LABELS[r.nextInt(LABELS.length)].replace("::", ":") + " {" + v + ", " + k + ": " + cypherValue(r) + "})";
                case 1 -> "MERGE (n:" + label + " {" + v + "}) ON CREATE SET n." + k + " = " + cypherValue(r)
                        + " ON MATCH SET n." + k + " = " + cypherValue(r);
                case 2 -> "MATCH (n {" + v + "}) SET n." + k + " = " + cypherValue(r);
                case 3 -> "MATCH (n {" + v + "}) SET n:" + label;
                case 4 -> "MATCH (n {" + v + "}) REMOVE n:" + label;
                case 5 -> "MATCH (n {" + v + "}) REMOVE n." + k;
                case 6 -> "MATCH (n {" + v + "}) SET n += {" + k + ": " + cypherValue(r) + ", k" + r.nextInt(4) + ": null}";
                case 7 -> "MATCH (n {" + v + "}) DETACH DELETE n";
                case 8 -> "MATCH (a {" + v + "}), (b {" + w + "}) CREATE (a)-[:" + label + " {`~id`: " + e + ", w: " + cypherValue(r) + "}]->(b)";
                case 9 -> "MATCH ()-[r]->() WHERE id(r) = " + e + " SET r." + k + " = " + cypherValue(r);
                case 10 -> "MATCH ()-[r]->() WHERE id(r) = " + e + " DELETE r";
                default -> "MATCH (n:" + label + ") WITH n LIMIT 2 SET n." + k + " = " + cypherValue(r);
            };
        }

        private static String cypherValue(Random r) {
            return switch (r.nextInt(5)) {
                case 0 -> Integer.toString(r.nextInt(4));
                case 1 -> "'s" + r.nextInt(4) + "'";
                case 2 -> r.nextInt(3) + ".5";
                case 3 -> r.nextBoolean() ? "true" : "false";
                default -> "datetime('2026-0" + (1 + r.nextInt(9)) + "-01T00:00:00Z')";
            };
        }

        private static String value(Random r) {
            return switch (r.nextInt(6)) {
                case 0 -> Integer.toString(r.nextInt(4));
                case 1 -> r.nextInt(4) + "l";
                case 2 -> "'s" + r.nextInt(4) + "'";
                case 3 -> r.nextInt(3) + ".5d";
                case 4 -> r.nextBoolean() ? "true" : "false";
                default -> "datetime('2026-0" + (1 + r.nextInt(9)) + "-01T00:00:00Z')";
            };
        }
    }

    /** An independent replayer: statements as strings in a set, with the replay contract checked. */
    static final class SetModel {
        static Set<String> replay(MemoryChangeLog log) throws Exception {
            return SetReplay.replay(log, r -> RecordCodec.op(r) == Op.ADD, r -> key(RecordCodec.pgData(r)));
        }

        static Set<String> statements(List<PgChange> content) {
            Set<String> out = new HashSet<>();
            for (PgChange c : content) {
                out.add(key(c.data()));
            }
            return out;
        }

        private static String key(PgData d) {
            return d.type().wireName() + "|" + d.id() + "|" + d.key() + "|" + d.value().dataType() + "|"
                    + d.value().toJava() + "|" + d.from() + "|" + d.to();
        }
    }
}
