package dev.nereid.bench.poller;

import static dev.nereid.bench.MarkdownTable.rate;
import static dev.nereid.bench.MarkdownTable.ratio;

import dev.nereid.bench.Machine;
import dev.nereid.bench.MarkdownTable;
import dev.nereid.bench.PgWorkload;
import dev.nereid.bench.ScratchDirectory;
import dev.nereid.bench.Watchdog;
import dev.nereid.client.StreamClient;
import dev.nereid.client.StreamPage;
import dev.nereid.client.StreamPath;
import dev.nereid.client.StreamServiceException;
import dev.nereid.client.checkpoint.FileCheckpointStore;
import dev.nereid.client.checkpoint.InMemoryCheckpointStore;
import dev.nereid.client.poller.CheckpointFrequency;
import dev.nereid.client.poller.CheckpointStore;
import dev.nereid.client.poller.StreamPoller;
import dev.nereid.log.Durability;
import dev.nereid.server.NereidServer;
import dev.nereid.server.ServerConfig;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.IteratorType;
import dev.nereid.stream.StreamRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast {@code StreamPoller} delivers a large backlog, whole transactions to a handler that does
 * nothing, against the raw page-fetch rate in the same run: the real server on a loopback port with
 * about a million realistic records, every reader in this JVM over {@code java.net.http}, identity
 * bodies, {@code limit=100000} pages continued AFTER_SEQUENCE_NUMBER. Each round times, in turn, the raw
 * fetch (the baseline), {@code StreamClient} pages, and the poller with two checkpoint stores.
 *
 * <pre>
 * java -cp 'bench/target/bench-*.jar:bench/target/lib/*' dev.nereid.bench.poller.PollerBench
 *      [--records 1000000] [--rounds 5] [--time-limit 110] [--out bench/target/results]
 * </pre>
 */
public final class PollerBench {
    static final String PATH = "/propertygraph/stream";
    static final int LIMIT = 100_000;
    static final long SEED = 11;

    private final URI endpoint;
    private final PgWorkload.Filled filled;
    private final Path scratch;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private PollerBench(URI endpoint, PgWorkload.Filled filled, Path scratch) {
        this.endpoint = endpoint;
        this.filled = filled;
        this.scratch = scratch;
    }

    public static void main(String[] args) {
        long records = 1_000_000;
        int rounds = 5;
        Duration timeLimit = Duration.ofSeconds(110);
        Path out = Path.of("bench", "target", "results");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--records" -> records = Long.parseLong(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--time-limit" -> timeLimit = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        long n = records;
        int r = rounds;
        Duration limit = timeLimit;
        Path o = out;
        Watchdog.runAndExit("PollerBench", timeLimit, () -> run(n, r, System.nanoTime() + limit.toNanos(), o));
    }

    static void run(long records, int rounds, long deadline, Path out) throws Exception {
        Files.createDirectories(out);
        try (ScratchDirectory directory = ScratchDirectory.create("nereid-poller-")) {
            Runtime.getRuntime().addShutdownHook(new Thread(directory::close, "bench-cleanup"));
            Path data = Files.createDirectories(directory.path().resolve("data"));
            ServerConfig config = ServerConfig.defaults(data).withPort(0).withDurability(Durability.NONE);
            try (NereidServer server = NereidServer.start(config)) {
                long fillStart = System.nanoTime();
                PgWorkload.Filled filled = PgWorkload.fill(server.propertyGraphLog(), records, SEED);
                String fill = String.format(Locale.ROOT, "Filled %,d records in %,d commits (%.1f stored bytes per record) in %.1f s",
                        filled.records(), filled.commits(), filled.averageRecordBytes(), (System.nanoTime() - fillStart) / 1e9);
                System.out.println(fill);
                PollerBench bench = new PollerBench(URI.create("http://127.0.0.1:" + server.port()), filled,
                        directory.path());
                Map<Reader, List<Pass>> passes = new EnumMap<>(Reader.class);
                long roundStart = System.nanoTime();
                bench.round(new EnumMap<>(Reader.class));
                long roundNanos = System.nanoTime() - roundStart;
                System.out.printf(Locale.ROOT, "warm-up round took %.1f s%n", roundNanos / 1e9);
                for (int i = 1; i <= rounds; i++) {
                    if (System.nanoTime() + roundNanos > deadline) {
                        System.out.printf("stopping after %d rounds to stay within the time limit%n", i - 1);
                        break;
                    }
                    Map<Reader, Pass> round = bench.round(passes);
                    StringBuilder line = new StringBuilder("round " + i + ":");
                    round.forEach((reader, pass) -> line.append(String.format(Locale.ROOT, " %s %s records/s;",
                            reader.name().toLowerCase(Locale.ROOT), rate(pass.recordsPerSecond()))));
                    System.out.println(line);
                }
                String summary = summary(fill, passes);
                System.out.println();
                System.out.println(summary);
                Path file = out.resolve("poller-summary.md");
                Files.writeString(file, summary);
                System.out.println("Written to " + file.toAbsolutePath());
            }
        }
    }

    /** One pass of each reader over the whole backlog, added to {@code passes}. */
    private Map<Reader, Pass> round(Map<Reader, List<Pass>> passes) throws Exception {
        Map<Reader, Pass> round = new EnumMap<>(Reader.class);
        round.put(Reader.RAW_FETCH, rawFetch());
        round.put(Reader.CLIENT_PAGES, clientPages());
        round.put(Reader.POLLER, poller(Reader.POLLER, new InMemoryCheckpointStore(), CheckpointFrequency.EVERY_TRANSACTION));
        Path checkpoint = scratch.resolve("poller.checkpoint");
        Files.deleteIfExists(checkpoint);
        round.put(Reader.POLLER_FILE, poller(Reader.POLLER_FILE, FileCheckpointStore.of(checkpoint),
                CheckpointFrequency.EVERY_PAGE));
        round.forEach((reader, pass) -> {
            if (pass.records() != filled.records()) {
                throw new IllegalStateException(reader + " read " + pass.records() + " of " + filled.records() + " records");
            }
            passes.computeIfAbsent(reader, k -> new ArrayList<>()).add(pass);
        });
        return round;
    }

    private Pass rawFetch() throws Exception {
        String query = "iteratorType=TRIM_HORIZON&limit=" + LIMIT;
        int pages = 0;
        long records = 0;
        long start = System.nanoTime();
        while (true) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(endpoint + PATH + "?" + query)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 404) {
                break;
            }
            if (r.statusCode() != 200) {
                throw new IllegalStateException("answered " + r.statusCode());
            }
            byte[] body = r.body();
            long[] last = lastEventId(body);
            records += totalRecords(body);
            pages++;
            query = "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=" + last[0] + "&opNum=" + last[1] + "&limit=" + LIMIT;
        }
        return new Pass(Reader.RAW_FETCH, pages, records, 0, System.nanoTime() - start);
    }

    private Pass clientPages() throws Exception {
        StreamClient client = StreamClient.of(endpoint, StreamPath.PROPERTYGRAPH);
        StreamRequest request = new StreamRequest(IteratorType.TRIM_HORIZON, -1, 1, LIMIT);
        int pages = 0;
        long records = 0;
        long start = System.nanoTime();
        while (true) {
            StreamPage page;
            try {
                page = client.read(request);
            } catch (StreamServiceException e) {
                if (e.errorCode() != ErrorCode.STREAM_RECORDS_NOT_FOUND) {
                    throw e;
                }
                break;
            }
            pages++;
            records += page.totalRecords();
            request = new StreamRequest(IteratorType.AFTER_SEQUENCE_NUMBER, page.lastEventId().commitNum(),
                    page.lastEventId().opNum(), LIMIT);
        }
        return new Pass(Reader.CLIENT_PAGES, pages, records, 0, System.nanoTime() - start);
    }

    private Pass poller(Reader reader, CheckpointStore store, CheckpointFrequency frequency) {
        AtomicLong records = new AtomicLong();
        StreamPoller poller = StreamPoller.builder(StreamClient.of(endpoint, StreamPath.PROPERTYGRAPH), store,
                        t -> records.addAndGet(t.records().size()))
                .pageSize(LIMIT).checkpointFrequency(frequency).lagProbeInterval(Duration.ZERO).build();
        long start = System.nanoTime();
        long transactions = poller.drain();
        long nanos = System.nanoTime() - start;
        if (transactions != filled.commits()) {
            throw new IllegalStateException(reader + " delivered " + transactions + " of " + filled.commits() + " transactions");
        }
        return new Pass(reader, (int) poller.stats().pages(), records.get(), transactions, nanos);
    }

    /** {"lastEventId":{"commitNum":C,"opNum":O}... : Nereid's byte-stable head (spec §2.1). */
    private static long[] lastEventId(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 80), StandardCharsets.US_ASCII);
        int c = head.indexOf("\"commitNum\":") + 12;
        int o = head.indexOf("\"opNum\":") + 8;
        return new long[] {digits(head, c), digits(head, o)};
    }

    /** ...],"totalRecords":N} */
    private static long totalRecords(byte[] body) {
        int end = body.length - 1;
        int start = end;
        while (body[start - 1] >= '0' && body[start - 1] <= '9') {
            start--;
        }
        return Long.parseLong(new String(body, start, end - start, StandardCharsets.US_ASCII));
    }

    private static long digits(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return Long.parseLong(s.substring(from, end));
    }

    /** Medians over the rounds; the ratio is the median of each round's own ratio to that round's baseline. */
    private static String summary(String fill, Map<Reader, List<Pass>> passes) {
        MarkdownTable table = new MarkdownTable("reader", "rounds", "pages/pass", "records/s (median)",
                "÷ raw fetch, same round (median, range)");
        List<Pass> baseline = passes.get(Reader.RAW_FETCH);
        for (Map.Entry<Reader, List<Pass>> e : passes.entrySet()) {
            List<Pass> list = e.getValue();
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                ratios.add(list.get(i).recordsPerSecond() / baseline.get(i).recordsPerSecond());
            }
            ratios.sort(null);
            Pass median = list.stream().sorted(Comparator.comparingDouble(Pass::recordsPerSecond)).toList()
                    .get(list.size() / 2);
            table.row(e.getKey().label, Integer.toString(list.size()), Integer.toString(median.pages()),
                    rate(median.recordsPerSecond()), e.getKey() == Reader.RAW_FETCH ? "1.00"
                            : ratio(ratios.get(ratios.size() / 2)) + " (" + ratio(ratios.get(0)) + "-"
                            + ratio(ratios.get(ratios.size() - 1)) + ")");
        }
        return "# Poller delivery from a backlog\n\nMachine: " + Machine.current() + "\n\n" + fill + ".\n\n"
                + "Every reader reads the whole backlog from TRIM_HORIZON in limit=" + LIMIT + " pages over java.net.http "
                + "(identity), from the same server in the same JVM, one after another in each round; the poller's handler "
                + "only counts records.\n\n" + table;
    }
}
