package dev.nereid.bench.log;

import dev.nereid.bench.PgWorkload;
import dev.nereid.bench.ReadCounters;
import dev.nereid.bench.ScratchDirectory;
import dev.nereid.log.Durability;
import dev.nereid.log.FileChangeLog;
import dev.nereid.log.LogConfig;
import dev.nereid.log.LogCursor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading a whole log of over a million realistic records (1-20 per commit) through
 * {@link LogCursor}, against the baseline of reading the same segment files front to back with
 * plain positional {@link FileChannel} reads in blocks of the cursor's size. The files are in the
 * page cache after warm-up in both cases, so this compares the cursor's work per record (framing,
 * CRC32C, a slice per record) with a bare copy out of the page cache.
 *
 * <p>The scores to compare are the {@code records} rates; the baseline's is its bytes/s converted
 * with the log's records per byte.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CursorReadBenchmark {
    public static final long MIN_RECORDS = 1_000_000;
    /** FileLogCursor's largest block. */
    static final int BLOCK_BYTES = 256 * 1024;

    @State(Scope.Benchmark)
    public static class StoredLog {
        ScratchDirectory directory;
        FileChangeLog log;
        List<Path> segmentFiles;
        long records;
        long fileBytes;

        @Setup(Level.Trial)
        public void fill() throws IOException {
            directory = ScratchDirectory.create("nereid-cursor-");
            log = FileChangeLog.open(directory.path(), LogConfig.defaults().withDurability(Durability.NONE));
            records = PgWorkload.fill(log, MIN_RECORDS, 42).records();
            try (Stream<Path> files = Files.list(directory.path())) {
                segmentFiles = files.filter(f -> f.getFileName().toString().matches("\\d{20}\\.log")).sorted().toList();
            }
            for (Path f : segmentFiles) {
                fileBytes += Files.size(f);
            }
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            log.close();
            directory.close();
        }
    }

    @Benchmark
    public long cursor(StoredLog stored, ReadCounters counters, Blackhole blackhole) throws IOException {
        long read = 0;
        try (LogCursor cursor = stored.log.cursor(1, 1)) {
            while (cursor.next()) {
                blackhole.consume(cursor.record());
                read++;
            }
        }
        if (read != stored.records) {
            throw new IllegalStateException("read " + read + " records of " + stored.records);
        }
        counters.records += read;
        counters.bytes += stored.fileBytes;
        return read;
    }

    @Benchmark
    public long rawFileChannel(StoredLog stored, ReadCounters counters, Blackhole blackhole) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(BLOCK_BYTES);
        long total = 0;
        for (Path file : stored.segmentFiles) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long position = 0;
                int n;
                while ((n = channel.read(block.clear(), position)) > 0) {
                    position += n;
                    blackhole.consume(block.get(0));
                }
                total += position;
            }
        }
        if (total != stored.fileBytes) {
            throw new IllegalStateException("read " + total + " bytes of " + stored.fileBytes);
        }
        counters.records += stored.records;
        counters.bytes += total;
        return total;
    }
}
