package dev.nereid.bench.graph;

import dev.nereid.bench.Machine;
import dev.nereid.bench.MarkdownTable;
import dev.nereid.bench.ScratchDirectory;
import dev.nereid.graph.NereidGraph;
import dev.nereid.log.StartupReport;
import dev.nereid.log.Durability;
import dev.nereid.log.FileChangeLog;
import dev.nereid.log.LogConfig;
import dev.nereid.log.LogCursor;
import dev.nereid.stream.RecordCodec;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How long the property graph takes to come up, and how fast it replays its log: a log of N small
 * commits (half add a vertex with two properties, every other one of those also an edge; half update
 * a value, so the log outgrows the graph) is written, then the graph is
 * opened from the log alone, from a snapshot alone, and from a snapshot plus the log after it. The
 * baseline, measured in the same run, is reading and decoding the same log records without applying
 * them, so the ratio is what applying them to the graph costs.
 *
 * <pre>bench/run startup [--commits N]</pre>
 */
public final class StartupBench {

    public static void main(String[] args) throws Exception {
        int commits = 200_000;
        Path out = Path.of("bench/target/results");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--commits" -> commits = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--quick" -> commits = 2_000;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        try (ScratchDirectory scratch = ScratchDirectory.create("nereid-startup")) {
            Path logDir = scratch.path().resolve("log");
            Path snapshots = scratch.path().resolve("snapshots");
            LogConfig config = LogConfig.defaults().withDurability(Durability.NONE);
            write(logDir, config, 0, commits);

            // Each start-up runs twice: first in this JVM's cold state, as a real start-up does, then warm.
            long written = readRaw(logDir, config)[0];
            StartupReport fromLogCold = open(logDir, config, null, false);
            StartupReport fromLog = open(logDir, config, null, false);
            long snapshotStart = System.nanoTime();
            open(logDir, config, snapshots, true);
            long snapshotMillis = (System.nanoTime() - snapshotStart) / 1_000_000;
            StartupReport fromSnapshotCold = open(logDir, config, snapshots, false);
            StartupReport fromSnapshot = open(logDir, config, snapshots, false);
            write(logDir, config, commits, commits / 10);
            StartupReport snapshotAndTail = open(logDir, config, snapshots, false);
            long[] raw = readRaw(logDir, config);

            MarkdownTable table = new MarkdownTable("start-up", "snapshot records", "log commits replayed",
                    "log records replayed", "ms, first", "ms, again", "log records/s, again");
            table.row("log only (no snapshot)", "0", fmt(fromLog.replayedCommits()), fmt(fromLog.replayedRecords()),
                    fmt(fromLogCold.totalMillis()), fmt(fromLog.totalMillis()), fmt(fromLog.replayRecordsPerSecond()));
            table.row("snapshot only", fmt(fromSnapshot.snapshotRecords()), "0", "0",
                    fmt(fromSnapshotCold.totalMillis()), fmt(fromSnapshot.totalMillis()), "-");
            table.row("snapshot + 10% more log", fmt(snapshotAndTail.snapshotRecords()),
                    fmt(snapshotAndTail.replayedCommits()), fmt(snapshotAndTail.replayedRecords()), "-",
                    fmt(snapshotAndTail.totalMillis()), fmt(snapshotAndTail.replayRecordsPerSecond()));
            long rawRate = raw[0] * 1_000_000_000L / Math.max(1, raw[1]);
            String summary = "# Property-graph start-up and replay\n\n" + Machine.current() + "\n\n"
                    + "Log: " + fmt(commits) + " commits written through the graph, " + fmt(written) + " records, "
                    + fmt(Files.size(logDir.resolve("00000000000000000001.log"))) + " bytes in the first segment.\n\n"
                    + table + "\n"
                    + "\"first\" is the first start-up of its kind in the JVM, \"again\" the one after it.\n\n"
                    + "Baseline, same run, warm: reading and decoding the log's records without applying them: "
                    + fmt(rawRate) + " records/s. Replay ÷ baseline: "
                    + String.format("%.2f", (double) fromLog.replayRecordsPerSecond() / rawRate) + ".\n\n"
                    + "Opening from the log and writing a snapshot of the result took " + fmt(snapshotMillis) + " ms.\n";
            System.out.println(summary);
            Files.createDirectories(out);
            Files.writeString(out.resolve("startup-summary.md"), summary);
        }
    }

    private static void write(Path logDir, LogConfig config, int from, int count) throws IOException {
        try (FileChangeLog log = FileChangeLog.open(logDir, config); NereidGraph graph = NereidGraph.open(log)) {
            GraphTraversalSource g = graph.traversal();
            for (int i = from; i < from + count; i++) {
                if (i % 2 == 1) {
                    // An update: the log grows, the graph does not (REMOVE old age, ADD new).
                    g.V("p" + (i - 1)).property(VertexProperty.Cardinality.single, "age", i).iterate();
                } else if (i % 4 == 2) {
                    g.addV("person").property(T.id, "p" + i).property("name", "person " + i).property("age", i % 100)
                            .addE("knows").to(__.V("p" + (i - 2))).property(T.id, "k" + i).iterate();
                } else {
                    g.addV("person").property(T.id, "p" + i).property("name", "person " + i).property("age", i % 100)
                            .iterate();
                }
                graph.tx().commit();
            }
        } catch (Exception e) {
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    /** Records in the log, and nanoseconds to read and decode them all. */
    private static long[] readRaw(Path logDir, LogConfig config) throws IOException {
        try (FileChangeLog log = FileChangeLog.open(logDir, config)) {
            long start = System.nanoTime();
            long records = 0;
            try (LogCursor c = log.cursor(1, 1)) {
                while (c.next()) {
                    RecordCodec.op(c.record());
                    RecordCodec.pgData(c.record());
                    records++;
                }
            }
            return new long[] {records, System.nanoTime() - start};
        }
    }

    private static StartupReport open(Path logDir, LogConfig config, Path snapshots, boolean takeSnapshot)
            throws IOException {
        try (FileChangeLog log = FileChangeLog.open(logDir, config);
             NereidGraph graph = NereidGraph.open(log, snapshots)) {
            if (takeSnapshot) {
                long start = System.nanoTime();
                graph.snapshot();
                System.out.printf("snapshot written in %d ms%n", (System.nanoTime() - start) / 1_000_000);
            }
            return graph.startupReport();
        } catch (Exception e) {
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    private static String fmt(long n) {
        return String.format("%,d", n);
    }
}
