package dev.nereid.bench.sparql;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nereid.bench.CommandLineValues;
import dev.nereid.bench.Machine;
import dev.nereid.bench.Watchdog;
import dev.nereid.bench.gremlin.ChildServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Small SPARQL {@code INSERT DATA} updates per second over HTTP, and their round trip, for (a) Nereid with
 * streams on, (b) Nereid with streams off, both with every update fsynced, and (c) Fuseki over an in-memory
 * dataset, with 1 and 8 concurrent clients; then the time of one update inserting a million triples, on
 * (a) and (c).
 *
 * <pre>
 * java -cp 'bench/target/bench-*.jar:bench/target/lib/*' dev.nereid.bench.sparql.SparqlWriteBench
 *      [--rounds 5] [--round-seconds 2.5] [--warmup-rounds 4] [--clients 1,8]
 *      [--servers nereid,nereid-streams-off,fuseki] [--bulk-triples 1000000] [--bulk-runs 2] [--heap 4g]
 *      [--bulk-stack SIZE] [--time-limit 170] [--bulk-time-limit 240] [--out bench/target/results] [--quick]
 * </pre>
 *
 * <p>Each server runs in a JVM of its own, started by the same code with the same Java, class path, logging
 * configuration and heap, while the clients run here: in one JVM the servers would share a heap and a JIT,
 * and one server's garbage and compiled code would land on another's figures. Rounds interleave the servers
 * (a b c a b c ...) and each figure is the median over rounds, so a slow moment of the machine hits all
 * three alike. The bulk update runs last, on a fresh JVM per server, after the round servers are gone.
 *
 * <p>Every update names new subjects, so each one writes. Nereid must answer each with 200 and a commitNum,
 * Fuseki with 204; any other answer is counted as a failure, never timed, and fails the run. At the end
 * each server must count exactly two triples per acknowledged update, Nereid's commitNums must be 1..n
 * with n the updates it acknowledged, (a)'s SPARQL stream must end at commit n and (b) must refuse to
 * serve its stream; after the bulk update the server must count exactly the triples it was sent.
 *
 * <p>{@code --quick} runs one short round and one bulk update of 100,000 triples to check the wiring; its
 * numbers mean nothing. {@code --rounds 0} skips the rounds, {@code --bulk-triples 0} the bulk update.
 */
public final class SparqlWriteBench {
    static final double STREAMS_OFF_GOAL = 0.9;
    static final double FUSEKI_GOAL = 2.0;

    private SparqlWriteBench() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Watchdog.runAndExit("SparqlWriteBench", options.timeLimit().plus(options.bulkTimeLimit()), () -> run(options));
    }

    /** The whole run: servers up, warm-up, rounds, checks, the bulk update; returns the report, also written to the out directory. */
    static String run(Options s) throws Exception {
        long deadline = System.nanoTime() + s.timeLimit().toNanos();
        Files.createDirectories(s.out());
        List<String> checks = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<Round> rounds = s.rounds() > 0 ? rounds(s, deadline, checks, failures) : List.of();
        List<BulkInsert.Run> bulk = List.of();
        if (s.bulkTriples() > 0) {
            bulk = BulkInsert.measure(s.bulkTriples(), s.bulkRuns(), s.bulkJvmOptions(), s.bulkTimeLimit());
            for (BulkInsert.Run run : bulk) {
                check(checks, failures, String.format(Locale.ROOT, "bulk %s: %,d triples sent in one update, %s, %,d"
                                + " counted%s", run.server().mark(), run.triples(), run.failure() == null ? "acknowledged"
                                : "NOT acknowledged (" + run.failure() + ")", run.counted(),
                        run.server().isNereid() ? ", commitNum " + run.commitNum() : ""), run.verified());
            }
        }
        String report = new Report(s, Machine.current(), rounds, bulk, checks).render();
        System.out.println();
        System.out.println(report);
        Path file = s.out().resolve("sparql.md");
        Files.writeString(file, report);
        System.out.println("Written to " + file.toAbsolutePath());
        if (!failures.isEmpty()) {
            throw new IllegalStateException("verification failed: " + failures);
        }
        return report;
    }

    /** The servers up, warmed up and measured round after round, then checked and stopped. */
    private static List<Round> rounds(Options s, long deadline, List<String> checks, List<String> failures)
            throws Exception {
        long started = System.nanoTime();
        List<ChildServer> children = new ArrayList<>();
        try (UpdateLoad load = new UpdateLoad(s.maxClients())) {
            try {
                startAll(s, children);
                List<Target> targets = new ArrayList<>();
                for (int i = 0; i < children.size(); i++) {
                    SparqlServer server = s.servers().get(i);
                    List<SparqlClient> clients = new ArrayList<>();
                    for (int c = 0; c < s.maxClients(); c++) {
                        clients.add(new SparqlClient(server, "127.0.0.1", children.get(i).port()));
                    }
                    targets.add(new Target(server, children.get(i), clients, new AtomicLong(), new AtomicLong(),
                            new AtomicLong(), new CommitNumbers()));
                }
                System.out.printf(Locale.ROOT, "Servers ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
                warmUp(s, load, targets);
                List<Round> rounds = measure(s, load, targets, deadline);
                for (Target t : targets) {
                    verify(t, checks, failures);
                }
                return rounds;
            } finally {
                ChildServer.closeAll(children);
            }
        }
    }

    /**
     * Starts the servers side by side (a JVM's start-up is mostly waiting, not CPU) into {@code started}, in
     * the order asked for; it holds every one that came up even when another failed, for closing.
     */
    private static void startAll(Options s, List<ChildServer> started) throws Exception {
        ExecutorService starters = Executors.newFixedThreadPool(s.servers().size());
        try {
            List<Future<ChildServer>> starting = new ArrayList<>();
            for (SparqlServer server : s.servers()) {
                starting.add(starters.submit(() -> server.start(s.jvmOptions())));
            }
            Exception failure = null;
            for (Future<ChildServer> f : starting) {
                try {
                    started.add(f.get());
                } catch (ExecutionException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            starters.shutdown();
        }
    }

    /**
     * Warm-up rounds, interleaved like the measured ones, so that every server's JVM (and the driver's) has
     * its hot paths compiled, and the other servers' turns to finish compiling in. Most clients first: more
     * updates per second reach the compile thresholds sooner. The updates count for the final checks.
     */
    private static void warmUp(Options s, UpdateLoad load, List<Target> targets) throws Exception {
        List<Integer> order = new ArrayList<>(s.clientCounts());
        order.sort(Comparator.reverseOrder());
        for (int r = 1; r <= s.warmupRounds(); r++) {
            for (int clients : order) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "warm-up %d, %d clients:", r,
                        clients));
                for (Target t : targets) {
                    Round warm = load.run(t, clients, s.roundLength());
                    t.tally(warm);
                    line.append(describe(warm));
                }
                System.out.println(line);
            }
        }
    }

    /** The rounds: per client count, every server in turn; rounds that would end past the deadline are skipped. */
    private static List<Round> measure(Options s, UpdateLoad load, List<Target> targets, long deadline)
            throws Exception {
        long roundNanos = s.roundLength().toNanos() * targets.size() * s.clientCounts().size();
        List<Round> rounds = new ArrayList<>();
        for (int r = 1; r <= s.rounds(); r++) {
            if (r > 1 && System.nanoTime() + roundNanos > deadline) {
                System.out.printf("stopping after %d rounds to stay within the time limit%n", r - 1);
                break;
            }
            for (int clients : s.clientCounts()) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d, %d clients:", r, clients));
                for (Target t : targets) {
                    Round round = load.run(t, clients, s.roundLength());
                    t.tally(round);
                    rounds.add(round);
                    line.append(describe(round));
                }
                System.out.println(line);
            }
        }
        return rounds;
    }

    private static String describe(Round round) {
        String line = String.format(Locale.ROOT, " %s %,.0f/s", round.server().mark(), round.updatesPerSecond());
        if (round.failures() > 0) {
            line += String.format(Locale.ROOT, " (%,d FAILED, first: %s)", round.failures(), round.firstFailure());
        }
        return line;
    }

    /**
     * The benchmark must not be able to measure failures or updates that wrote nothing: no update went
     * unacknowledged, the server holds two triples per acknowledged update, Nereid took one commit per
     * update, and the stream setting of (a) and (b) is what their labels say.
     */
    private static void verify(Target t, List<String> checks, List<String> failures) throws Exception {
        SparqlClient client = t.clients().get(0);
        long acknowledged = t.acknowledged().get();
        long triples = client.count(InsertData.COUNT_QUERY);
        String check = String.format(Locale.ROOT, "%s: %,d updates acknowledged, %,d not; %,d triples counted",
                t.server().label(), acknowledged, t.failures().get(), triples);
        boolean ok = t.failures().get() == 0 && triples == acknowledged * InsertData.TRIPLES_PER_UPDATE;
        if (t.server().isNereid()) {
            CommitNumbers commits = t.commits();
            check += String.format(Locale.ROOT, "; commitNums answered %,d, %s, last %,d", commits.answers(),
                    commits.areDense() ? "each once, no gap" : "NOT 1..n each once", commits.last());
            ok &= commits.answers() == acknowledged && commits.areDense() && commits.last() == acknowledged;
            HttpResponse<String> stream = client.get("/sparql/stream?iteratorType=LATEST", "application/json");
            if (t.server() == SparqlServer.NEREID) {
                long latest = stream.statusCode() == 200 ? latestCommitNum(stream.body()) : -1;
                check += String.format(Locale.ROOT, "; the SPARQL stream's latest commitNum %,d", latest);
                ok &= latest == acknowledged;
            } else {
                boolean refused = stream.statusCode() == 400 && stream.body().contains("UnsupportedOperationException");
                check += "; the SPARQL stream " + (refused ? "refused (streams off)" : "answered " + stream.statusCode());
                ok &= refused;
            }
        }
        check(checks, failures, check, ok);
    }

    private static long latestCommitNum(String page) throws IOException {
        return new ObjectMapper().readTree(page).path("lastEventId").path("commitNum").asLong(-1);
    }

    private static void check(List<String> checks, List<String> failures, String check, boolean ok) {
        System.out.println("check " + check + (ok ? ": ok" : ": MISMATCH"));
        checks.add(check + (ok ? "" : " — MISMATCH"));
        if (!ok) {
            failures.add(check);
        }
    }

    /** What a run is asked to do, from its arguments. */
    record Options(int rounds, Duration roundLength, int warmupRounds, List<Integer> clientCounts,
                   List<SparqlServer> servers, int bulkTriples, int bulkRuns, String heap, String bulkStack,
                   Duration timeLimit, Duration bulkTimeLimit, Path out, List<String> arguments) {

        static Options parse(String[] args) {
            int rounds = 5;
            Duration round = Duration.ofMillis(2500);
            int warmupRounds = 4;
            List<Integer> clients = List.of(1, 8);
            List<SparqlServer> servers = List.of(SparqlServer.values());
            int bulkTriples = 1_000_000;
            int bulkRuns = 2;
            String heap = "4g";
            String bulkStack = null;
            Duration timeLimit = Duration.ofSeconds(170);
            Duration bulkTimeLimit = Duration.ofSeconds(240);
            Path out = Path.of("bench", "target", "results");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--round-seconds" -> round = CommandLineValues.seconds(args[++i]);
                    case "--warmup-rounds" -> warmupRounds = Integer.parseInt(args[++i]);
                    case "--clients" -> clients = CommandLineValues.ints(args[++i]);
                    case "--servers" -> servers = parseServers(args[++i]);
                    case "--bulk-triples" -> bulkTriples = Integer.parseInt(args[++i]);
                    case "--bulk-runs" -> bulkRuns = Integer.parseInt(args[++i]);
                    case "--heap" -> heap = args[++i];
                    case "--bulk-stack" -> bulkStack = args[++i];
                    case "--time-limit" -> timeLimit = CommandLineValues.seconds(args[++i]);
                    case "--bulk-time-limit" -> bulkTimeLimit = CommandLineValues.seconds(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    case "--quick" -> {
                        rounds = 1;
                        round = Duration.ofMillis(500);
                        warmupRounds = 1;
                        bulkTriples = 100_000;
                        bulkRuns = 1;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            return new Options(rounds, round, warmupRounds, clients, servers, bulkTriples, bulkRuns, heap, bulkStack,
                    timeLimit, bulkTimeLimit, out, List.of(args));
        }

        int maxClients() {
            return clientCounts.stream().mapToInt(Integer::intValue).max().orElseThrow();
        }

        /** Every server JVM of the rounds gets the same heap. */
        List<String> jvmOptions() {
            return List.of("-Xmx" + heap);
        }

        /**
         * The bulk update's server JVMs, with {@code --bulk-stack}, also get deeper thread stacks. That is for
         * measuring a Nereid that parsed every update on the request thread: Jena's SPARQL 1.1 grammar recurses
         * once per triple, and on the default 1 MiB stack an {@code INSERT DATA} of about 10,000 triples
         * overflowed it. Both JVMs get the option, so they still differ only in what they run.
         */
        List<String> bulkJvmOptions() {
            return bulkStack == null ? jvmOptions() : List.of("-Xmx" + heap, "-Xss" + bulkStack);
        }

        /** The servers in the order rounds run them, whatever order they were named in. */
        private static List<SparqlServer> parseServers(String list) {
            Set<SparqlServer> servers = EnumSet.noneOf(SparqlServer.class);
            for (String name : list.split(",")) {
                servers.add(SparqlServer.fromCliName(name.trim()));
            }
            return List.copyOf(servers);
        }
    }
}
