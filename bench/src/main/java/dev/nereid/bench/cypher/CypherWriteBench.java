package dev.nereid.bench.cypher;

import dev.nereid.bench.CommandLineValues;
import dev.nereid.bench.gremlin.ChildServer;
import dev.nereid.bench.gremlin.ServerKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nereid.bench.Machine;
import dev.nereid.bench.Watchdog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Single-node creates per second over HTTP, and their round trip, in openCypher ({@code POST /openCypher},
 * with parameters and with literals) against the same write in Gremlin ({@code POST /gremlin}), on one
 * Nereid server as shipped, with 1 and 8 concurrent clients.
 *
 * <pre>
 * java -cp 'bench/target/bench-*.jar:bench/target/lib/*' dev.nereid.bench.cypher.CypherWriteBench
 *      [--rounds 5] [--round-seconds 1.5] [--warmup-rounds 7] [--warmup-seconds 2.5] [--clients 1,8]
 *      [--variants cypher-parameters,cypher-literals,gremlin] [--breakdown]
 *      [--time-limit 115] [--out bench/target/results] [--quick]
 * </pre>
 *
 * <p>All variants go to the same server, so the baseline shares its JVM, log and disk: rounds
 * interleave the variants (the first one rotating from round to round, so none always follows the
 * same neighbour) and each figure is the median over rounds. The server runs in a JVM of its own,
 * the clients here.
 *
 * <p>Every write must be answered 200; anything else ends the run. At the end the whole
 * property-graph stream is read back: it must hold exactly one commit per acknowledged write, each
 * the same three records whatever the language, and both languages must count every node.
 *
 * <p>{@code --breakdown} then, with the server gone, has {@link StatementCost} time the phases of one
 * statement in this JVM, to show where openCypher's time goes (about 35 s more: this JVM's JIT has to
 * warm up to the translator too). {@code --quick} runs short rounds to check the wiring; its numbers
 * mean nothing.
 */
public final class CypherWriteBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CypherWriteBench() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Watchdog.runAndExit("CypherWriteBench", options.timeLimit().plus(options.breakdownTime()), () -> run(options));
    }

    /** The whole run: server up, warm-up, rounds, checks, breakdown; returns the report, also written to the out directory. */
    static String run(Options s) throws Exception {
        long deadline = System.nanoTime() + s.timeLimit().toNanos();
        Files.createDirectories(s.out());
        List<Round> rounds;
        List<String> checks;
        int maxClients = s.clientCounts().stream().mapToInt(Integer::intValue).max().orElseThrow();
        long started = System.nanoTime();
        try (ChildServer server = ChildServer.start(ServerKind.NEREID, null)) {
            List<HttpWriter> writers = new ArrayList<>();
            for (int i = 0; i < maxClients; i++) {
                writers.add(new HttpWriter("127.0.0.1", server.port()));
            }
            System.out.printf(Locale.ROOT, "Server ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
            Map<Variant, AtomicLong> ids = new EnumMap<>(Variant.class);
            Map<Variant, AtomicLong> acknowledged = new EnumMap<>(Variant.class);
            s.variants().forEach(v -> {
                ids.put(v, new AtomicLong());
                acknowledged.put(v, new AtomicLong());
            });
            try (WriteLoad load = new WriteLoad(server, writers)) {
                warmUp(s, load, ids, acknowledged);
                rounds = measure(s, load, ids, acknowledged, deadline);
            }
            checks = verify(server, writers.get(0), acknowledged);
        }
        StatementCost cost = null;
        if (s.breakdown()) {
            System.out.println("In-process breakdown...");
            cost = StatementCost.measure(s.breakdownWarmUp(), s.breakdownRounds(), s.breakdownSlice());
        }
        String report = new Report(s, Machine.current(), rounds, checks, cost).render();
        System.out.println();
        System.out.println(report);
        Path file = s.out().resolve("cypher.md");
        Files.writeString(file, report);
        System.out.println("Written to " + file.toAbsolutePath());
        return report;
    }

    /**
     * Warm-up rounds, interleaved like the measured ones, so the server's JIT has compiled both
     * languages' paths before anything counts. openCypher's translator is a large Scala code base: on
     * 2 cores the server's JIT kept compiling for about 60 s of load (-Xlog:jit+compilation), and rates
     * climbed until then. Only the largest client count: the code is the same for every count, and it
     * settled sooner than with one client. The writes count for the final check.
     */
    private static void warmUp(Options s, WriteLoad load, Map<Variant, AtomicLong> ids,
                               Map<Variant, AtomicLong> acknowledged) throws Exception {
        int clients = s.clientCounts().stream().mapToInt(Integer::intValue).max().orElseThrow();
        for (int r = 1; r <= s.warmupRounds(); r++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "warm-up %d, %d clients:", r, clients));
            for (Variant v : s.variants()) {
                Round warm = load.run(v, clients, ids.get(v), s.warmupLength());
                acknowledged.get(v).addAndGet(warm.writes());
                line.append(String.format(Locale.ROOT, " %s %,.0f/s", v.cliName(), warm.writesPerSecond()));
            }
            System.out.println(line);
        }
    }

    /** The rounds: per client count, every variant in turn; rounds that would end past the deadline are skipped. */
    private static List<Round> measure(Options s, WriteLoad load, Map<Variant, AtomicLong> ids,
                                       Map<Variant, AtomicLong> acknowledged, long deadline) throws Exception {
        List<Variant> variants = new ArrayList<>(s.variants());
        long roundNanos = s.roundLength().toNanos() * variants.size() * s.clientCounts().size();
        List<Round> rounds = new ArrayList<>();
        for (int r = 1; r <= s.rounds(); r++) {
            if (r > 1 && System.nanoTime() + roundNanos > deadline) {
                System.out.printf("stopping after %d rounds to stay within the time limit%n", r - 1);
                break;
            }
            for (int clients : s.clientCounts()) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d, %d clients:", r, clients));
                for (int i = 0; i < variants.size(); i++) {
                    Variant v = variants.get((r - 1 + i) % variants.size());
                    Round round = load.run(v, clients, ids.get(v), s.roundLength());
                    acknowledged.get(v).addAndGet(round.writes());
                    rounds.add(round);
                    line.append(String.format(Locale.ROOT, " %s %,.0f/s", v.cliName(), round.writesPerSecond()));
                }
                System.out.println(line);
            }
        }
        return rounds;
    }

    /**
     * The benchmark must not be able to measure failures or writes that went elsewhere: the stream
     * holds one commit per acknowledged write and nothing else, each variant's commits are its own
     * writes with the same records as every other variant's, and each language reads every node.
     */
    private static List<String> verify(ChildServer server, HttpWriter http, Map<Variant, AtomicLong> acknowledged)
            throws Exception {
        long total = acknowledged.values().stream().mapToLong(AtomicLong::get).sum();
        StreamAudit audit = StreamAudit.read(http);
        long lastCommit = server.lastCommit();
        long cypherCount = JSON.readTree(http.postJson("/openCypher",
                "{\"query\":\"MATCH (n:Person) RETURN count(n) AS c\"}")).get("results").get(0).get("c").asLong();
        JsonNode gremlin = JSON.readTree(http.postJson("/gremlin", "{\"gremlin\":\"g.V().hasLabel('Person').count()\"}"));
        long gremlinCount = gremlin.get("result").get("data").get("@value").get(0).get("@value").asLong();

        List<String> checks = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        check(checks, failures, String.format(Locale.ROOT, "%,d writes acknowledged, every request answered 200;"
                        + " the stream holds %,d commits, its last commitNum %,d, the server's lastCommit %,d", total,
                audit.commits(), audit.lastCommitNum(), lastCommit),
                audit.commits() == total && audit.lastCommitNum() == total && lastCommit == total);
        Set<String> allShapes = new TreeSet<>();
        for (Map.Entry<Variant, AtomicLong> e : acknowledged.entrySet()) {
            long inStream = audit.nodes().getOrDefault(e.getKey(), 0L);
            Set<String> shapes = audit.shapes().getOrDefault(e.getKey(), new TreeSet<>());
            allShapes.addAll(shapes);
            check(checks, failures, String.format(Locale.ROOT, "%s: %,d acknowledged, %,d commits in the stream, each %s",
                    e.getKey().label(), e.getValue().get(), inStream, shapes.size() == 1 ? shapes.iterator().next()
                            : shapes.size() + " different shapes: " + shapes), inStream == e.getValue().get()
                    && shapes.size() == 1);
        }
        check(checks, failures, "every variant stored the same records", allShapes.size() == 1);
        check(checks, failures, String.format(Locale.ROOT, "Person nodes counted by openCypher %,d, by Gremlin %,d",
                cypherCount, gremlinCount), cypherCount == total && gremlinCount == total);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("verification failed: " + failures);
        }
        return checks;
    }

    private static void check(List<String> checks, List<String> failures, String check, boolean ok) {
        System.out.println("check " + check + (ok ? ": ok" : ": MISMATCH"));
        checks.add(check);
        if (!ok) {
            failures.add(check);
        }
    }

    /** What a run is asked to do, from its arguments. */
    record Options(int rounds, Duration roundLength, int warmupRounds, Duration warmupLength,
                   List<Integer> clientCounts, Set<Variant> variants, boolean breakdown, Duration breakdownWarmUp,
                   int breakdownRounds, Duration breakdownSlice, Duration timeLimit, Path out, List<String> arguments) {

        static Options parse(String[] args) {
            int rounds = 5;
            Duration round = Duration.ofMillis(1500);
            int warmupRounds = 7;
            Duration warmup = Duration.ofMillis(2500);
            List<Integer> clients = List.of(1, 8);
            Set<Variant> variants = EnumSet.allOf(Variant.class);
            boolean breakdown = false;
            Duration breakdownWarmUp = Duration.ofSeconds(20);
            int breakdownRounds = 5;
            Duration breakdownSlice = Duration.ofMillis(200);
            Duration timeLimit = Duration.ofSeconds(115);
            Path out = Path.of("bench", "target", "results");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--round-seconds" -> round = CommandLineValues.seconds(args[++i]);
                    case "--warmup-rounds" -> warmupRounds = Integer.parseInt(args[++i]);
                    case "--warmup-seconds" -> warmup = CommandLineValues.seconds(args[++i]);
                    case "--clients" -> clients = CommandLineValues.ints(args[++i]);
                    case "--variants" -> variants = parseVariants(args[++i]);
                    case "--breakdown" -> breakdown = true;
                    case "--time-limit" -> timeLimit = CommandLineValues.seconds(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    case "--quick" -> {
                        rounds = 1;
                        round = Duration.ofMillis(500);
                        warmupRounds = 1;
                        warmup = Duration.ofMillis(300);
                        breakdownWarmUp = Duration.ofMillis(300);
                        breakdownRounds = 1;
                        breakdownSlice = Duration.ofMillis(50);
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            return new Options(rounds, round, warmupRounds, warmup, clients, variants, breakdown, breakdownWarmUp,
                    breakdownRounds, breakdownSlice, timeLimit, out, List.of(args));
        }

        /** How long {@code --breakdown} adds, warm-up and slices; zero without it. */
        Duration breakdownTime() {
            return breakdown ? breakdownWarmUp.plus(breakdownSlice.multipliedBy((long) breakdownRounds
                    * StatementCost.PHASES_TIMED)) : Duration.ZERO;
        }



        private static Set<Variant> parseVariants(String list) {
            Set<Variant> variants = EnumSet.noneOf(Variant.class);
            for (String name : list.split(",")) {
                variants.add(Variant.fromCliName(name.trim()));
            }
            return variants;
        }
    }
}
