package dev.nereid.bench;

import static dev.nereid.bench.MarkdownTable.decimal;
import static dev.nereid.bench.MarkdownTable.rate;
import static dev.nereid.bench.MarkdownTable.ratio;

import dev.nereid.bench.log.AppendBenchmark;
import dev.nereid.bench.log.CursorReadBenchmark;
import dev.nereid.bench.stream.PageRenderBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks and turns their scores into the figures of docs/performance.md: each
 * subject divided by its baseline from the same run. JMH's own JSON goes beside the summary, one
 * file per run, and each part's table also to a file of its own ({@code jmh-append.md}, ...).
 *
 * <pre>
 * java -cp 'bench/target/bench-*.jar:bench/target/lib/*' dev.nereid.bench.BenchSuite [append] [cursor] [page]
 *      [--threads 1,4,16] [--out bench/target/results] [--quick]
 * </pre>
 *
 * No part named means all three. {@code --quick} runs one short iteration of each, to check the
 * wiring; its numbers mean nothing.
 *
 * <p>With one committer, group commit does exactly the naive design's work, so the append ratio at
 * 1 thread must come out near 1.0; when it does not, the disk's fsync latency moved during the run
 * (ext4's journal is shared by every writer on the machine) and the run should be repeated.
 */
public final class BenchSuite {
    private static final String LOGBACK = "-Dlogback.configurationFile=logback-bench.xml";
    private static final double MB = 1_000_000.0;

    enum Part { APPEND, CURSOR, PAGE }

    private final Path out;
    private final boolean quick;

    private BenchSuite(Path out, boolean quick) {
        this.out = out;
        this.quick = quick;
    }

    public static void main(String[] args) throws IOException, RunnerException {
        Set<Part> parts = EnumSet.noneOf(Part.class);
        Path out = Path.of("bench", "target", "results");
        List<Integer> threads = List.of(1, 4, 16);
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--threads" -> threads = parseThreads(args[++i]);
                case "--quick" -> quick = true;
                default -> parts.add(Part.valueOf(args[i].toUpperCase(Locale.ROOT)));
            }
        }
        if (parts.isEmpty()) {
            parts = EnumSet.allOf(Part.class);
        }
        Files.createDirectories(out);
        BenchSuite suite = new BenchSuite(out, quick);

        String heading = "# JMH figures\n\nMachine: " + Machine.current() + "\n\n";
        StringBuilder summary = new StringBuilder(heading);
        for (Part part : parts) {
            String section = switch (part) {
                case APPEND -> suite.append(threads);
                case CURSOR -> suite.cursor();
                case PAGE -> suite.page();
            };
            // One file per part as well, so re-running one part leaves the others' figures alone.
            Files.writeString(out.resolve("jmh-" + part.name().toLowerCase(Locale.ROOT) + ".md"), heading + section);
            summary.append(section);
        }
        Path file = out.resolve("jmh-summary.md");
        Files.writeString(file, summary);
        System.out.println();
        System.out.println(summary);
        System.out.println("Written to " + file.toAbsolutePath());
    }

    private String append(List<Integer> threadCounts) throws RunnerException {
        MarkdownTable table = new MarkdownTable("committers", "Nereid FSYNC (commits/s)", "naive FSYNC (commits/s)",
                "Nereid / naive", "Nereid NONE (commits/s, upper bound)", "FSYNC / NONE");
        for (int threads : threadCounts) {
            Collection<RunResult> results = run(AppendBenchmark.class, threads, "jmh-append-t" + threads + ".json");
            Result<?> nereid = primary(results, "append", AppendBenchmark.NEREID_FSYNC);
            Result<?> naive = primary(results, "append", AppendBenchmark.NAIVE_FSYNC);
            Result<?> none = primary(results, "append", AppendBenchmark.NEREID_NONE);
            table.row(Integer.toString(threads), rate(nereid.getScore(), nereid.getScoreError()),
                    rate(naive.getScore(), naive.getScoreError()), ratio(nereid.getScore() / naive.getScore()),
                    rate(none.getScore(), none.getScoreError()), ratio(nereid.getScore() / none.getScore()));
        }
        return "## Append under fsync (4 records of ~150 B per commit)\n\n" + table + "\n";
    }

    private String cursor() throws RunnerException {
        Collection<RunResult> results = run(CursorReadBenchmark.class, 1, "jmh-cursor.json");
        RunResult cursor = find(results, "cursor", null);
        RunResult raw = find(results, "rawFileChannel", null);
        double cursorRecords = secondary(cursor, "records").getScore();
        double rawRecords = secondary(raw, "records").getScore();
        MarkdownTable table = new MarkdownTable("read", "records/s", "MB/s of segment files", "cursor / raw");
        table.row("LogCursor, all records", rate(cursorRecords, secondary(cursor, "records").getScoreError()),
                decimal(secondary(cursor, "bytes").getScore() / MB), ratio(cursorRecords / rawRecords));
        table.row("raw FileChannel (baseline)", rate(rawRecords, secondary(raw, "records").getScoreError()),
                decimal(secondary(raw, "bytes").getScore() / MB), "");
        return "## Cursor read (>= " + rate(CursorReadBenchmark.MIN_RECORDS) + " records, 1-20 per commit)\n\n"
                + table + "\n";
    }

    private String page() throws RunnerException {
        Collection<RunResult> results = run(PageRenderBenchmark.class, 1, "jmh-page.json");
        RunResult copy = find(results, "copy", null);
        double copyRecords = secondary(copy, "records").getScore();
        MarkdownTable table = new MarkdownTable("page source", "records/s", "MB/s of page body", "records/page",
                "render / copy");
        for (String log : List.of("memory", "file")) {
            RunResult render = find(results, "render", log);
            double records = secondary(render, "records").getScore();
            table.row("PageReader over LogStreamView(" + log + ")",
                    rate(records, secondary(render, "records").getScoreError()),
                    decimal(secondary(render, "bytes").getScore() / MB),
                    rate(records / render.getPrimaryResult().getScore()), ratio(records / copyRecords));
        }
        table.row("System.arraycopy of the page (baseline)", rate(copyRecords, secondary(copy, "records").getScoreError()),
                decimal(secondary(copy, "bytes").getScore() / MB),
                rate(copyRecords / copy.getPrimaryResult().getScore()), "");
        return "## Page rendering (limit=100000, PG_JSON)\n\n" + table + "\n";
    }

    private Collection<RunResult> run(Class<?> benchmark, int threads, String resultFile) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.getName() + "."))
                .threads(threads)
                .shouldFailOnError(true)
                .jvmArgsAppend(LOGBACK)
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve(resultFile).toString());
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(1).measurementTime(TimeValue.seconds(1));
        }
        return new Runner(options.build()).run();
    }

    private static Result<?> primary(Collection<RunResult> results, String method, String design) {
        return find(results, method, design).getPrimaryResult();
    }

    /** The run of {@code method} whose only parameter has the value {@code param} (null: no parameter). */
    private static RunResult find(Collection<RunResult> results, String method, String param) {
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            if (!name.endsWith("." + method)) {
                continue;
            }
            Collection<String> keys = r.getParams().getParamsKeys();
            if (param == null ? keys.isEmpty() : keys.stream().anyMatch(k -> param.equals(r.getParams().getParam(k)))) {
                return r;
            }
        }
        throw new IllegalStateException("no result for " + method + " " + param);
    }

    private static Result<?> secondary(RunResult result, String counter) {
        Result<?> r = result.getSecondaryResults().get(counter);
        if (r == null) {
            throw new IllegalStateException("no " + counter + " counter in " + result.getParams().getBenchmark());
        }
        return r;
    }

    private static List<Integer> parseThreads(String list) {
        List<Integer> threads = new ArrayList<>();
        for (String t : list.split(",")) {
            threads.add(Integer.parseInt(t.trim()));
        }
        return threads;
    }
}
