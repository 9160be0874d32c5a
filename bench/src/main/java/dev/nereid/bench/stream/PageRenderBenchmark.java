package dev.nereid.bench.stream;

import dev.nereid.bench.PgWorkload;
import dev.nereid.bench.ReadCounters;
import dev.nereid.bench.ScratchDirectory;
import dev.nereid.log.ChangeLog;
import dev.nereid.log.Durability;
import dev.nereid.log.FileChangeLog;
import dev.nereid.log.LogConfig;
import dev.nereid.log.MemoryChangeLog;
import dev.nereid.server.stream.LogStreamView;
import dev.nereid.stream.PageReader;
import dev.nereid.stream.RenderedPage;
import dev.nereid.stream.StreamFormat;
import dev.nereid.stream.StreamRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rendering one {@code limit=100000} page, as the stream route does ({@link PageReader} over a
 * fresh {@link LogStreamView} per read), from the start of a log of realistic records. The 10 MiB
 * cap ends the page long before 100,000 records. The log is a {@link MemoryChangeLog} or a
 * page-cache-hot {@link FileChangeLog}.
 *
 * <p>Baseline: {@link System#arraycopy} of a byte array the size of that same page, into an array
 * allocated once: the cost of touching the page's bytes and nothing else. The scores to compare
 * are the {@code records} rates.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PageRenderBenchmark {
    /** Enough for the cap, not the limit, to end the page, with room to spare. */
    static final long LOG_RECORDS = 150_000;
    static final long SEED = 7;
    static final Map<String, List<String>> FIRST_PAGE = Map.of(
            "iteratorType", List.of("TRIM_HORIZON"),
            "limit", List.of(Integer.toString(StreamRequest.MAX_LIMIT)));

    @State(Scope.Benchmark)
    public static class Source {
        @Param({"memory", "file"})
        public String log;

        ChangeLog changeLog;
        ScratchDirectory directory;
        final StreamRequest request = StreamRequest.parse(FIRST_PAGE);

        @Setup(Level.Trial)
        public void fill() throws IOException {
            if (log.equals("file")) {
                directory = ScratchDirectory.create("nereid-page-");
                changeLog = FileChangeLog.open(directory.path(), LogConfig.defaults().withDurability(Durability.NONE));
            } else {
                changeLog = new MemoryChangeLog();
            }
            PgWorkload.fill(changeLog, LOG_RECORDS, SEED);
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            changeLog.close();
            if (directory != null) {
                directory.close();
            }
        }

        RenderedPage render() {
            LogStreamView view = new LogStreamView(changeLog, Duration.ofDays(7), System.currentTimeMillis());
            return PageReader.read(view, request, StreamFormat.PG_JSON);
        }
    }

    @State(Scope.Benchmark)
    public static class Prerendered {
        byte[] page;
        byte[] target;
        int records;

        @Setup(Level.Trial)
        public void render() throws IOException {
            try (MemoryChangeLog log = new MemoryChangeLog()) {
                PgWorkload.fill(log, LOG_RECORDS, SEED);
                RenderedPage rendered = PageReader.read(
                        new LogStreamView(log, Duration.ofDays(7), System.currentTimeMillis()),
                        StreamRequest.parse(FIRST_PAGE), StreamFormat.PG_JSON);
                page = Arrays.copyOfRange(rendered.bytes(), rendered.offset(), rendered.offset() + rendered.length());
                records = rendered.totalRecords();
                target = new byte[page.length];
            }
        }
    }

    @Benchmark
    public RenderedPage render(Source source, ReadCounters counters) {
        RenderedPage page = source.render();
        counters.records += page.totalRecords();
        counters.bytes += page.length();
        return page;
    }

    @Benchmark
    public byte[] copy(Prerendered prerendered, ReadCounters counters) {
        System.arraycopy(prerendered.page, 0, prerendered.target, 0, prerendered.page.length);
        counters.records += prerendered.records;
        counters.bytes += prerendered.page.length;
        return prerendered.target;
    }
}
