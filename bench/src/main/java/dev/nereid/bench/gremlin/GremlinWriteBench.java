package dev.nereid.bench.gremlin;

import dev.nereid.bench.CommandLineValues;
import dev.nereid.bench.Latencies;
import dev.nereid.bench.Machine;
import dev.nereid.bench.Watchdog;
import dev.nereid.bench.gremlin.WriteClient.RequestStyle;
import java.io.IOException;
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
 * Small Gremlin mutations per second over WebSocket, and their round-trip latency, for (a) Nereid
 * with streams on, (b) Nereid with streams off, both with every commit fsynced, and (c) stock
 * Gremlin Server over an in-memory TinkerGraph, with 1 and 8 concurrent clients.
 *
 * <pre>
 * java -cp 'bench/target/bench-*.jar:bench/target/lib/*' dev.nereid.bench.gremlin.GremlinWriteBench
 *      [--rounds 5] [--round-seconds 2.5] [--warmup-rounds 4] [--clients 1,8]
 *      [--servers nereid,nereid-streams-off,stock] [--requests bytecode|script] [--profile]
 *      [--time-limit 170] [--out bench/target/results] [--quick]
 * </pre>
 *
 * <p>Two more servers can be named in {@code --servers} to split a gap: {@code nereid-no-fsync}
 * ((a) without durability) and {@code stock-tx} ((c) over TinkerTransactionGraph).
 *
 * <p>Each server runs in a JVM of its own ({@link ServerProcess}), started the same way, while the
 * clients run here. In one JVM the servers would share a heap, a JIT and TinkerPop's static caches,
 * so one server's garbage and compiled code would land on another's figures; apart, each is
 * measured as it is deployed. Rounds interleave the servers (a b c a b c ...) and each figure is the
 * median over rounds, so a slow moment of the machine hits all three alike.
 *
 * <p>Every write is a sessionless request (one transaction) that must be acknowledged; a failure
 * ends the run. At the end each server's vertex count, read back by a client, must equal its
 * acknowledged writes, and Nereid's property-graph lastCommit too, or the run fails.
 *
 * <p>{@code --profile} records each server with JFR and prints where its CPU went; the recording
 * perturbs the figures, so a profiled run is for reading, not for the table. {@code --quick} runs
 * one short round to check the wiring; its numbers mean nothing.
 */
public final class GremlinWriteBench {
    static final double STREAMS_OFF_GOAL = 0.9;
    static final double STOCK_GOAL = 1.0;

    private GremlinWriteBench() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Watchdog.runAndExit("GremlinWriteBench", options.timeLimit(), () -> run(options));
    }

    /** The whole run: servers up, warm-up, rounds, checks; returns the summary, also written to the out directory. */
    static String run(Options s) throws Exception {
        long deadline = System.nanoTime() + s.timeLimit().toNanos();
        Files.createDirectories(s.out());
        long started = System.nanoTime();
        String summary;
        List<ChildServer> servers = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        int maxClients = s.clientCounts().stream().mapToInt(Integer::intValue).max().orElseThrow();
        try (WriteLoad load = new WriteLoad(maxClients)) {
            try {
                startAll(s, servers);
                for (ChildServer server : servers) {
                    List<WriteClient> clients = new ArrayList<>();
                    targets.add(new Target(server, clients, new AtomicLong(), new AtomicLong()));
                    for (int i = 0; i < maxClients; i++) {
                        clients.add(new WriteClient(ServerProcess.HOST, server.port(), s.requests()));
                    }
                }
                System.out.printf(Locale.ROOT, "Servers ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
                Latencies fsyncBefore = FsyncProbe.measure();
                warmUp(s, load, targets);
                List<Round> rounds = measure(s, load, targets, deadline);
                Latencies fsyncAfter = FsyncProbe.measure();
                List<String> checks = verify(targets);
                summary = new Summary(s, Machine.current(), rounds, checks, fsyncBefore, fsyncAfter).render();
            } finally {
                targets.forEach(t -> t.clients().forEach(WriteClient::close));
                ChildServer.closeAll(servers);
            }
        }
        System.out.println();
        System.out.println(summary);
        Path file = s.out().resolve("gremlin-summary.md");
        Files.writeString(file, summary);
        System.out.println("Written to " + file.toAbsolutePath());
        if (s.profile()) {
            for (ServerKind kind : s.servers()) {
                System.out.println(FlightProfile.read(s.recording(kind), kind).render());
            }
        }
        return summary;
    }

    /**
     * Warm-up rounds, interleaved like the measured ones, so that every server's JVM (and the
     * driver's) gets its hot paths compiled, and has the other servers' turns to finish compiling
     * in. Most clients first: more requests per second reach the compile thresholds sooner. The
     * writes count for the final check.
     */
    private static void warmUp(Options s, WriteLoad load, List<Target> targets) throws Exception {
        List<Integer> order = new ArrayList<>(s.clientCounts());
        order.sort(Comparator.reverseOrder());
        for (int r = 1; r <= s.warmupRounds(); r++) {
            for (int clients : order) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "warm-up %d, %d clients:", r,
                        clients));
                for (Target t : targets) {
                    Round warm = load.run(t.server(), t.first(clients), t.ids(), s.roundLength());
                    t.acknowledged().addAndGet(warm.writes());
                    line.append(String.format(Locale.ROOT, " %s %,.0f/s", t.kind().mark(), warm.writesPerSecond()));
                }
                System.out.println(line);
            }
        }
    }

    /** The rounds: per client count, every server in turn; rounds that would end past the deadline are skipped. */
    private static List<Round> measure(Options s, WriteLoad load, List<Target> targets, long deadline)
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
                    Round round = load.run(t.server(), t.first(clients), t.ids(), s.roundLength());
                    t.acknowledged().addAndGet(round.writes());
                    rounds.add(round);
                    line.append(String.format(Locale.ROOT, " %s %,.0f/s", t.kind().mark(), round.writesPerSecond()));
                }
                System.out.println(line);
            }
        }
        return rounds;
    }

    /**
     * Starts the servers side by side (a JVM's start-up is mostly waiting, not CPU) into
     * {@code started}, which holds every one that came up even when another failed, for closing.
     */
    private static void startAll(Options s, List<ChildServer> started) throws Exception {
        ExecutorService starters = Executors.newFixedThreadPool(s.servers().size());
        try {
            List<Future<ChildServer>> starting = new ArrayList<>();
            for (ServerKind kind : s.servers()) {
                starting.add(starters.submit(() -> ChildServer.start(kind, s.profile() ? s.recording(kind) : null)));
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
     * The benchmark must not be able to measure failures: every server holds exactly the vertices it
     * acknowledged, and Nereid's log exactly one commit per acknowledged write.
     */
    private static List<String> verify(List<Target> targets) throws Exception {
        List<String> checks = new ArrayList<>();
        for (Target t : targets) {
            long acknowledged = t.acknowledged().get();
            long vertices = t.clients().get(0).countVertices();
            String check = String.format(Locale.ROOT, "%s: %,d acknowledged writes, %,d vertices", t.kind().label(),
                    acknowledged, vertices);
            boolean ok = vertices == acknowledged;
            if (t.kind().isNereid()) {
                long lastCommit = t.server().lastCommit();
                check += String.format(Locale.ROOT, ", property-graph lastCommit %,d", lastCommit);
                ok &= lastCommit == acknowledged;
            }
            System.out.println("check " + check + (ok ? ": ok" : ": MISMATCH"));
            if (!ok) {
                throw new IllegalStateException("verification failed: " + check);
            }
            checks.add(check);
        }
        return checks;
    }

    /** What a run is asked to do, from its arguments. */
    record Options(int rounds, Duration roundLength, int warmupRounds, List<Integer> clientCounts,
                    Set<ServerKind> servers, RequestStyle requests, boolean profile, Duration timeLimit, Path out,
                    List<String> arguments) {

        static Options parse(String[] args) {
            int rounds = 5;
            Duration round = Duration.ofMillis(2500);
            int warmupRounds = 4;
            List<Integer> clients = List.of(1, 8);
            Set<ServerKind> servers = EnumSet.copyOf(ServerKind.COMPARED);
            RequestStyle requests = RequestStyle.BYTECODE;
            boolean profile = false;
            Duration timeLimit = Duration.ofSeconds(170);
            Path out = Path.of("bench", "target", "results");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--round-seconds" -> round = CommandLineValues.seconds(args[++i]);
                    case "--warmup-rounds" -> warmupRounds = Integer.parseInt(args[++i]);
                    case "--clients" -> clients = CommandLineValues.ints(args[++i]);
                    case "--servers" -> servers = parseServers(args[++i]);
                    case "--requests" -> requests = RequestStyle.valueOf(args[++i].toUpperCase(Locale.ROOT));
                    case "--profile" -> profile = true;
                    case "--time-limit" -> timeLimit = CommandLineValues.seconds(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    case "--quick" -> {
                        rounds = 1;
                        round = Duration.ofMillis(500);
                        warmupRounds = 1;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            return new Options(rounds, round, warmupRounds, clients, servers, requests, profile, timeLimit, out,
                    List.of(args));
        }

        Path recording(ServerKind kind) {
            return out.resolve("gremlin-" + kind.cliName() + ".jfr").toAbsolutePath();
        }



        private static Set<ServerKind> parseServers(String list) {
            Set<ServerKind> kinds = EnumSet.noneOf(ServerKind.class);
            for (String name : list.split(",")) {
                kinds.add(ServerKind.fromCliName(name.trim()));
            }
            return kinds;
        }
    }
}
