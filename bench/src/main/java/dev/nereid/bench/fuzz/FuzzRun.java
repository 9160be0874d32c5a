package dev.nereid.bench.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nereid.server.NereidServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One fuzz run against a server in this process (its logs are read directly):
 * <ol>
 *   <li>sequential: each case alone, and after every refused one both logs' last commitNums compared with
 *       before (a valid read may not change them either); two thirds in, one deliberate fast reset;</li>
 *   <li>concurrent: several threads sending cases at once, judged on their answers alone;</li>
 *   <li>{@link Aftercare}: the server still healthy, writes and reads in each language, the logs replaying
 *       to the live data.</li>
 * </ol>
 */
public final class FuzzRun {
    static final String SEQUENTIAL = "sequential";
    static final String CONCURRENT = "concurrent";
    /** A reset needs enough cases before and after it to matter. */
    private static final int RESET_FROM = 1_000;

    private final NereidServer server;
    private final FuzzOptions options;
    private final RequestSigner signer;
    private final Tally tally;
    private final IdPool ids = new IdPool();
    private final long deadline;

    private FuzzRun(NereidServer server, FuzzOptions options, RequestSigner signer) {
        this.server = server;
        this.options = options;
        this.signer = signer;
        this.tally = new Tally(options.strict());
        this.deadline = System.nanoTime() + options.timeLimit().toNanos();
    }

    public static FuzzReport run(NereidServer server, FuzzOptions options, RequestSigner signer) throws Exception {
        return new FuzzRun(server, options, signer).run();
    }

    private FuzzReport run() throws Exception {
        String host = server.host();
        int port = server.port();
        try (Senders senders = new Senders(host, port, options.timeoutMillis(), signer)) {
            long start = System.nanoTime();
            long sent = sequential(senders);
            double sequentialSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            long concurrentSent = concurrent(host, port);
            double concurrentSeconds = (System.nanoTime() - start) / 1e9;
            List<Check> checks = new Aftercare(server, senders, signer).run(new Random(options.seed()));
            for (Check c : checks) {
                if (!c.passed()) {
                    tally.failure(new Failure("aftercare", 0, "-", c.name(), "", List.of(c.detail())));
                }
            }
            return new FuzzReport(options, tally, sent, sequentialSeconds, concurrentSent, concurrentSeconds, checks);
        }
    }

    private CaseSource source(Random random, HttpSender http) {
        Corpus corpus = new Corpus(ids, () -> LogMarks.of(server));
        return new CaseSource(random, corpus, signer, new MalformedHttp(http.raw()), new GremlinMessages(ids, signer), ids);
    }

    private long sequential(Senders senders) throws InterruptedException {
        CaseSource source = source(new Random(options.seed()), senders.http());
        int resetAt = options.requests() >= RESET_FROM ? options.requests() * 2 / 3 : -1;
        long i = 0;
        for (; i < options.requests() && System.nanoTime() < deadline; i++) {
            if (i == resetAt) {
                reset(senders, i);
            }
            FuzzCase c = source.next();
            LogMarks before = LogMarks.of(server);
            long t0 = System.nanoTime();
            Verdict v = senders.send(c, source.random());
            long nanos = System.nanoTime() - t0;
            LogMarks after = LogMarks.of(server);
            tally.add(c, withLogCheck(c, v, before, after), SEQUENTIAL, i, nanos);
        }
        return i;
    }

    /** A refused request, or a valid read, must leave both logs as they were. */
    private static Verdict withLogCheck(FuzzCase c, Verdict v, LogMarks before, LogMarks after) {
        if (after.equals(before)) {
            return v;
        }
        boolean read = c.valid() && !writes(c);
        if (!v.rejected() && !read) {
            return v;
        }
        List<String> violations = new ArrayList<>(v.violations());
        violations.add((v.rejected() ? "a refused request" : "a read") + " changed the logs: " + before + " -> " + after);
        return new Verdict(v.outcome(), v.statusClass(), v.rejected(), violations);
    }

    private static boolean writes(FuzzCase c) {
        return c instanceof HttpCall h && h.writes() || c instanceof WsCase w && w.writes()
                || c instanceof DriverCase d && d.writes();
    }

    /** The one deliberate fast reset: a token, then the reset, then both logs empty. */
    private void reset(Senders senders, long index) throws InterruptedException {
        HttpCall initiate = signer.sign(HttpCall.post("/system", "application/json",
                "{\"action\":\"initiateDatabaseReset\"}", "/system", false));
        Reply issued = senders.http().send(initiate);
        Verdict v = HttpJudge.judge(initiate, issued);
        tally.add(initiate, v, SEQUENTIAL + " reset", index, 0);
        String token;
        try {
            token = new ObjectMapper().readTree(issued.answers().get(0).body()).path("payload").path("token").asText();
        } catch (IOException | IndexOutOfBoundsException e) {
            return;
        }
        HttpCall perform = signer.sign(HttpCall.post("/system", "application/json", Corpus.json(Map.of("action",
                "performDatabaseReset", "token", token)), "/system", true));
        Verdict done = HttpJudge.judge(perform, senders.http().send(perform));
        LogMarks after = LogMarks.of(server);
        if (!after.equals(new LogMarks(0, 0))) {
            List<String> violations = new ArrayList<>(done.violations());
            violations.add("logs not empty after the reset: " + after);
            done = new Verdict(done.outcome(), done.statusClass(), done.rejected(), violations);
        }
        tally.add(perform, done, SEQUENTIAL + " reset", index, 0);
    }

    private long concurrent(String host, int port) throws Exception {
        int threads = Math.max(1, options.threads());
        AtomicLong sent = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int share = options.concurrentRequests() / threads + (t < options.concurrentRequests() % threads ? 1 : 0);
                long seed = options.seed() + 1 + t;
                String phase = CONCURRENT + " t" + t;
                workers.add(pool.submit(() -> {
                    try (Senders senders = new Senders(host, port, options.timeoutMillis(), signer)) {
                        CaseSource source = source(new Random(seed), senders.http());
                        for (int i = 0; i < share && System.nanoTime() < deadline; i++) {
                            FuzzCase c = source.next();
                            long t0 = System.nanoTime();
                            Verdict v = senders.send(c, source.random());
                            tally.add(c, v, phase, i, System.nanoTime() - t0);
                            sent.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdown();
        }
        return sent.get();
    }
}
