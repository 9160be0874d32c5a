package dev.nereid.bench.log;

import dev.nereid.bench.PgWorkload;
import dev.nereid.bench.ScratchDirectory;
import dev.nereid.log.ChangeLog;
import dev.nereid.log.Durability;
import dev.nereid.log.FileChangeLog;
import dev.nereid.log.LogConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Commits per second with concurrent committers, each commit four records of about 150 bytes
 * (a new vertex). Run with {@code -t 1}, {@code -t 4} and {@code -t 16}: the score is the total
 * over all threads.
 *
 * <ul>
 *   <li>{@code nereid-fsync}: {@link FileChangeLog} with {@link Durability#FSYNC}, group commit;</li>
 *   <li>{@code naive-fsync}: the baseline, {@link NaiveFsyncLog}, one fsync per commit under one lock;</li>
 *   <li>{@code nereid-none}: {@link Durability#NONE}, the upper bound without any force.</li>
 * </ul>
 *
 * Every iteration starts on an empty log in a fresh directory, so file growth and the unforced
 * bytes of NONE do not carry into the next one.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@State(Scope.Benchmark)
public class AppendBenchmark {
    public static final String NEREID_FSYNC = "nereid-fsync";
    public static final String NAIVE_FSYNC = "naive-fsync";
    public static final String NEREID_NONE = "nereid-none";

    @Param({NEREID_FSYNC, NAIVE_FSYNC, NEREID_NONE})
    public String design;

    private ScratchDirectory directory;
    private ChangeLog nereid;
    private NaiveFsyncLog naive;

    /** Each committer's own commits, prepared ahead so the benchmark measures the append alone. */
    @State(Scope.Thread)
    public static class Commits {
        private static final int DISTINCT = 256;
        private final List<List<byte[]>> commits = new ArrayList<>(DISTINCT);
        private int next;

        @Setup(Level.Trial)
        public void prepare() {
            PgWorkload workload = new PgWorkload(Thread.currentThread().getId());
            for (int i = 0; i < DISTINCT; i++) {
                commits.add(workload.smallCommit());
            }
        }

        List<byte[]> next() {
            next = (next + 1) & (DISTINCT - 1);
            return commits.get(next);
        }
    }

    @Setup(Level.Iteration)
    public void open() throws IOException {
        directory = ScratchDirectory.create("nereid-append-");
        switch (design) {
            case NEREID_FSYNC -> nereid = FileChangeLog.open(directory.path(),
                    LogConfig.defaults().withDurability(Durability.FSYNC));
            case NEREID_NONE -> nereid = FileChangeLog.open(directory.path(),
                    LogConfig.defaults().withDurability(Durability.NONE));
            case NAIVE_FSYNC -> naive = NaiveFsyncLog.create(directory.path().resolve("naive.log"));
            default -> throw new IllegalArgumentException("unknown design " + design);
        }
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
        if (nereid != null) {
            nereid.close();
            nereid = null;
        }
        if (naive != null) {
            naive.close();
            naive = null;
        }
        directory.close();
    }

    @Benchmark
    public long append(Commits commits) throws IOException {
        List<byte[]> commit = commits.next();
        return naive != null ? naive.append(commit) : nereid.append(commit).commitNum();
    }
}
