package dev.nereid.bench.http;

import static dev.nereid.bench.MarkdownTable.decimal;
import static dev.nereid.bench.MarkdownTable.rate;
import static dev.nereid.bench.MarkdownTable.ratio;

import dev.nereid.bench.Machine;
import dev.nereid.bench.MarkdownTable;
import dev.nereid.bench.PgWorkload;
import dev.nereid.bench.ScratchDirectory;
import dev.nereid.bench.Watchdog;
import dev.nereid.log.Durability;
import dev.nereid.server.NereidServer;
import dev.nereid.server.ServerConfig;
import dev.nereid.server.stream.StreamRoute;
import dev.nereid.stream.StreamFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.ToDoubleFunction;

/**
 * End to end: the real server on a loopback port, about a million realistic records in its
 * property-graph log, and one consumer reading the whole stream the way consumers do, with
 * {@code limit=100000} pages continued AFTER_SEQUENCE_NUMBER from each page's {@code lastEventId},
 * over one keep-alive connection, identity and gzip, several rounds. The baseline, in the same
 * server and run: one such page pre-rendered and served by {@link PrerenderedPageRoute}, fetched
 * as many times per round with the same client.
 *
 * <pre>
 * java -cp 'bench/target/bench-*.jar:bench/target/lib/*' dev.nereid.bench.http.StreamHttpBench
 *      [--records 1000000] [--rounds 7] [--clients raw,jdk] [--time-limit 110] [--out bench/target/results]
 * </pre>
 *
 * It stops by itself: rounds that would not fit in the time limit are skipped, and a watchdog ends
 * the process 30 s past the limit whatever happens.
 */
public final class StreamHttpBench {
    static final String STREAM = "/propertygraph/stream";
    /** The real stream route again, timed: only for the breakdown pass, never for the figures. */
    static final String TIMED_STREAM = "/bench/timed/propertygraph/stream";
    static final int LIMIT = 100_000;
    static final long SEED = 11;
    static final double RECORDS_GOAL = 1_000_000;
    static final double RATIO_GOAL = 0.5;

    /** Rounds of one client and encoding: the stream read, then the baseline. */
    record Measured(String client, boolean gzip, List<Round> stream, List<Round> prerendered) {
    }

    private final String host;
    private final int port;
    private final long expectedRecords;
    private final PrerenderedPageRoute prerendered;
    private final TimedRoute timedStream;

    private StreamHttpBench(String host, int port, long expectedRecords, PrerenderedPageRoute prerendered,
                            TimedRoute timedStream) {
        this.host = host;
        this.port = port;
        this.expectedRecords = expectedRecords;
        this.prerendered = prerendered;
        this.timedStream = timedStream;
    }

    public static void main(String[] args) throws Exception {
        long records = 1_000_000;
        int rounds = 7;
        List<String> clients = List.of("raw", "jdk");
        Duration timeLimit = Duration.ofSeconds(110);
        Path out = Path.of("bench", "target", "results");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--records" -> records = Long.parseLong(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--clients" -> clients = List.of(args[++i].split(","));
                case "--time-limit" -> timeLimit = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        long deadline = System.nanoTime() + timeLimit.toNanos();
        Watchdog.start("StreamHttpBench", timeLimit.plusSeconds(30));
        Files.createDirectories(out);

        try (ScratchDirectory directory = ScratchDirectory.create("nereid-http-")) {
            // The watchdog's exit skips the finally blocks; the data must go all the same.
            Runtime.getRuntime().addShutdownHook(new Thread(directory::close, "bench-cleanup"));
            PrerenderedPageRoute route = new PrerenderedPageRoute();
            TimedRoute timed = new TimedRoute();
            ServerConfig config = ServerConfig.defaults(directory.path()).withPort(0).withDurability(Durability.NONE);
            try (NereidServer server = NereidServer.start(config,
                    Map.of(PrerenderedPageRoute.PATH, route, TIMED_STREAM, timed))) {
                timed.bind(new StreamRoute(server.propertyGraphLog(), StreamFormat.PG_JSON, true,
                        config.streamsExpiry(), config.clock(), new Semaphore(1)));
                long fillStart = System.nanoTime();
                PgWorkload.Filled filled = PgWorkload.fill(server.propertyGraphLog(), records, SEED);
                double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
                String fill = String.format(Locale.ROOT,
                        "Filled %,d records in %,d commits (%.1f stored bytes per record, %,d bytes of log) in %.1f s",
                        filled.records(), filled.commits(), filled.averageRecordBytes(), directory.bytes(), fillSeconds);
                System.out.println(fill);

                StreamHttpBench bench = new StreamHttpBench(server.host(), server.port(), filled.records(), route,
                        timed);
                bench.loadPrerenderedPage();
                List<Measured> measured = new ArrayList<>();
                for (String client : clients) {
                    measured.addAll(bench.measure(client, rounds, deadline));
                }
                String breakdown = bench.breakdown(clients.get(0));
                String summary = summary(fill, measured) + "\n" + breakdown;
                System.out.println();
                System.out.println(summary);
                Path file = out.resolve("http-summary.md");
                Files.writeString(file, summary);
                System.out.println("Written to " + file.toAbsolutePath());
            }
        }
        System.exit(0);
    }

    /** The first page of the stream, exactly as the server sends it, becomes the baseline's body. */
    private void loadPrerenderedPage() throws IOException, InterruptedException {
        try (PageClient client = new RawSocketPageClient(host, port)) {
            HttpPage page = client.get(firstPage(), false);
            if (page.status() != 200) {
                throw new IllegalStateException("first page answered " + page.status());
            }
            prerendered.load(page.body());
            System.out.printf(Locale.ROOT, "Pre-rendered page: %,d records, %,d bytes, %,d gzipped%n",
                    PageSummary.parse(page.body()).totalRecords(), page.body().length, prerendered.gzippedLength());
        }
    }

    /** A warm-up round, then rounds while they fit before the deadline; identity and gzip alternate. */
    private List<Measured> measure(String clientName, int rounds, long deadline) throws Exception {
        try (PageClient client = open(clientName)) {
            Measured identity = new Measured(client.name(), false, new ArrayList<>(), new ArrayList<>());
            Measured gzip = new Measured(client.name(), true, new ArrayList<>(), new ArrayList<>());
            long roundStart = System.nanoTime();
            round(client, new Measured(client.name(), false, new ArrayList<>(), new ArrayList<>()),
                    new Measured(client.name(), true, new ArrayList<>(), new ArrayList<>()));
            long roundNanos = System.nanoTime() - roundStart;
            System.out.printf(Locale.ROOT, "%s: warm-up round took %.1f s%n", client.name(), roundNanos / 1e9);
            for (int r = 1; r <= rounds; r++) {
                if (System.nanoTime() + roundNanos > deadline) {
                    System.out.printf("%s: stopping after %d rounds to stay within the time limit%n", client.name(),
                            r - 1);
                    break;
                }
                round(client, identity, gzip);
                System.out.printf(Locale.ROOT, "%s round %d: stream %,.0f records/s (%.1f MB/s), gzip %,.0f records/s;"
                                + " pre-rendered %.1f MB/s, gzip %.1f MB/s%n", client.name(), r,
                        last(identity.stream()).recordsPerSecond(), last(identity.stream()).bodyMbPerSecond(),
                        last(gzip.stream()).recordsPerSecond(), last(identity.prerendered()).bodyMbPerSecond(),
                        last(gzip.prerendered()).bodyMbPerSecond());
            }
            return List.of(identity, gzip);
        }
    }

    private void round(PageClient client, Measured identity, Measured gzip) throws Exception {
        for (Measured m : List.of(identity, gzip)) {
            Round stream = readStream(client, m.gzip());
            m.stream().add(stream);
            m.prerendered().add(fetchPrerendered(client, m.gzip(), stream.pages()));
        }
    }

    /** The whole stream from TRIM_HORIZON, as a consumer reads it, until the 404 that says it is caught up. */
    private Round readStream(PageClient client, boolean gzip) throws Exception {
        return readStream(client, gzip, STREAM);
    }

    private Round readStream(PageClient client, boolean gzip, String path) throws Exception {
        String target = firstPage(path);
        int pages = 0;
        long records = 0;
        int largest = 0;
        long body = 0;
        long wire = 0;
        long start = System.nanoTime();
        while (true) {
            HttpPage page = client.get(target, gzip);
            if (page.status() == 404) {
                break;
            }
            checkPage(page, gzip);
            byte[] json = page.decoded();
            PageSummary summary = PageSummary.parse(json);
            pages++;
            records += summary.totalRecords();
            largest = Math.max(largest, summary.totalRecords());
            body += json.length;
            wire += page.body().length;
            target = path + "?iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=" + summary.commitNum()
                    + "&opNum=" + summary.opNum() + "&limit=" + LIMIT;
        }
        long nanos = System.nanoTime() - start;
        if (records != expectedRecords) {
            throw new IllegalStateException("read " + records + " records of " + expectedRecords);
        }
        return new Round(pages, records, largest, body, wire, nanos);
    }

    /** The baseline: the pre-rendered page, as many times as the stream had pages, with the same client work. */
    private Round fetchPrerendered(PageClient client, boolean gzip, int times) throws Exception {
        long records = 0;
        int largest = 0;
        long body = 0;
        long wire = 0;
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            HttpPage page = client.get(PrerenderedPageRoute.PATH, gzip);
            checkPage(page, gzip);
            byte[] json = page.decoded();
            int total = PageSummary.parse(json).totalRecords();
            records += total;
            largest = Math.max(largest, total);
            body += json.length;
            wire += page.body().length;
        }
        return new Round(times, records, largest, body, wire, System.nanoTime() - start);
    }

    private static void checkPage(HttpPage page, boolean gzip) {
        if (page.status() != 200) {
            throw new IllegalStateException("answered " + page.status() + ": " + new String(page.body()));
        }
        if (page.gzipped() != gzip) {
            throw new IllegalStateException("asked gzip=" + gzip + ", got gzipped=" + page.gzipped());
        }
    }

    private PageClient open(String name) throws IOException {
        return switch (name) {
            case "raw" -> new RawSocketPageClient(host, port);
            case "jdk" -> new JdkPageClient(host, port);
            default -> throw new IllegalArgumentException("unknown client " + name + " (raw or jdk)");
        };
    }

    private static String firstPage() {
        return firstPage(STREAM);
    }

    private static String firstPage(String path) {
        return path + "?iteratorType=TRIM_HORIZON&limit=" + LIMIT;
    }

    /**
     * Where a page's time goes: one more pass through the timed copy of the stream route, identity
     * and gzip, next to the pre-rendered page with the same client. Server time is the route's
     * {@code handle} (log read, render, gzip); the rest is sending, receiving and the client.
     */
    private String breakdown(String clientName) throws Exception {
        MarkdownTable table = new MarkdownTable("body", "stream: ms/page end to end",
                "of which before the head leaves (identity: plan pass; gzip: read + render + gzip)", "pre-rendered: ms/page end to end");
        String client;
        try (PageClient c = open(clientName)) {
            client = c.name();
            for (boolean gzip : List.of(false, true)) {
                timedStream.reset();
                Round stream = readStream(c, gzip, TIMED_STREAM);
                double serverMillis = timedStream.averageMillis();
                Round baseline = fetchPrerendered(c, gzip, stream.pages());
                table.row(gzip ? "gzip" : "identity", decimal(stream.nanos() / 1e6 / stream.pages()),
                        decimal(serverMillis), decimal(baseline.nanos() / 1e6 / baseline.pages()));
            }
        }
        return "Where the time goes (" + client + ", one more pass; ms per page, averaged over the pass; the"
                + " stream pass also makes one last request that gets the 404):\n\n" + table;
    }

    /**
     * Medians over the rounds. The ratio is the median of each round's own ratio: a stream pass and
     * the baseline pass right after it share the machine's state of the moment, which on a noisy
     * two-core machine moves both more than anything Nereid does.
     */
    private static String summary(String fill, List<Measured> measured) {
        MarkdownTable table = new MarkdownTable("client", "body", "served", "rounds", "pages/round",
                "records/page (full page)", "records/s", "body MB/s", "wire MB/s", "stream ÷ pre-rendered");
        StringBuilder goals = new StringBuilder();
        for (Measured m : measured) {
            if (m.stream().isEmpty()) {
                continue;
            }
            Round stream = median(m.stream(), Round::recordsPerSecond);
            Round baseline = median(m.prerendered(), Round::bodyMbPerSecond);
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < m.stream().size(); i++) {
                ratios.add(m.stream().get(i).bodyMbPerSecond() / m.prerendered().get(i).bodyMbPerSecond());
            }
            ratios.sort(null);
            double ratio = ratios.get(ratios.size() / 2);
            String body = m.gzip() ? "gzip" : "identity";
            table.row(m.client(), body, "stream", Integer.toString(m.stream().size()), Integer.toString(stream.pages()),
                    rate(stream.recordsPerPage()) + " (" + rate(stream.largestPage()) + ")",
                    rate(stream.recordsPerSecond()), decimal(stream.bodyMbPerSecond()),
                    decimal(stream.wireMbPerSecond()), ratio(ratio) + " (" + ratio(ratios.get(0)) + "-"
                            + ratio(ratios.get(ratios.size() - 1)) + ")");
            table.row(m.client(), body, "pre-rendered", Integer.toString(m.prerendered().size()),
                    Integer.toString(baseline.pages()), rate(baseline.recordsPerPage()),
                    rate(baseline.recordsPerSecond()), decimal(baseline.bodyMbPerSecond()),
                    decimal(baseline.wireMbPerSecond()), "");
            // Three decimals: a ratio of 0.497 printed as 0.50 beside "MISSED" would read as a contradiction.
            goals.append(String.format(Locale.ROOT, "- %s, %s: %s records/s (goal >= %s: %s); stream ÷ pre-rendered"
                            + " %.3f (goal >= %s: %s)%n", m.client(), body, rate(stream.recordsPerSecond()),
                    rate(RECORDS_GOAL), stream.recordsPerSecond() >= RECORDS_GOAL ? "met" : "MISSED", ratio,
                    ratio(RATIO_GOAL), ratio >= RATIO_GOAL ? "met" : "MISSED"));
        }
        return "# End-to-end stream over HTTP\n\nMachine: " + Machine.current() + "\n\n" + fill + ".\n\n"
                + "Medians over the rounds (stream by records/s, pre-rendered by MB/s); the ratio is of body MB/s,"
                + " the median of each round's stream pass over the baseline pass right after it (range in"
                + " brackets). MB = 10^6 bytes.\n\n" + table + "\n" + goals;
    }

    private static Round median(List<Round> rounds, ToDoubleFunction<Round> by) {
        List<Round> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(by));
        return sorted.get(sorted.size() / 2);
    }

    private static Round last(List<Round> rounds) {
        return rounds.get(rounds.size() - 1);
    }
}
