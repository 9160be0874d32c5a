package dev.nereid.bench.rdf;

import dev.nereid.bench.Machine;
import dev.nereid.bench.MarkdownTable;
import dev.nereid.bench.ScratchDirectory;
import dev.nereid.log.Durability;
import dev.nereid.log.FileChangeLog;
import dev.nereid.log.LogConfig;
import dev.nereid.log.LogCursor;
import dev.nereid.log.StartupReport;
import dev.nereid.rdf.RdfStore;
import dev.nereid.stream.RdfData;
import dev.nereid.stream.RecordCodec;
import org.apache.jena.riot.system.ParserProfile;
import org.apache.jena.riot.system.RiotLib;
import org.apache.jena.riot.tokens.Tokenizer;
import org.apache.jena.riot.tokens.TokenizerText;

import java.io.IOException;
import java.nio.file.Path;

/**
 * How long the RDF store takes to come up: a log of N small updates (each inserts two triples about a
 * new subject; every fourth also deletes an older one, so the log outgrows the store) is written, then
 * the store is opened from the log alone, from a snapshot alone, and from a snapshot plus the log
 * after it. The baseline, measured in the same run, is reading the same log records and tokenizing
 * their N-Quads text without storing anything, so the ratio is what storing the quads costs — in
 * practice, Jena's in-memory transactional dataset.
 *
 * <pre>bench/run startup [--commits N]   (after the property-graph part; N updates, one commit each)</pre>
 */
public final class RdfStartupBench {

    public static void main(String[] args) throws Exception {
        int updates = 100_000;
        Path out = Path.of("bench/target/results");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--commits" -> updates = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--quick" -> updates = 2_000;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        try (ScratchDirectory scratch = ScratchDirectory.create("nereid-rdf-startup")) {
            Path logDir = scratch.path().resolve("log");
            Path snapshots = scratch.path().resolve("snapshots");
            LogConfig config = LogConfig.defaults().withDurability(Durability.NONE);
            write(logDir, config, 0, updates);

            StartupReport fromLogCold = open(logDir, config, null, false);
            StartupReport fromLog = open(logDir, config, null, false);
            long snapshotStart = System.nanoTime();
            open(logDir, config, snapshots, true);
            long snapshotMillis = (System.nanoTime() - snapshotStart) / 1_000_000;
            StartupReport fromSnapshotCold = open(logDir, config, snapshots, false);
            StartupReport fromSnapshot = open(logDir, config, snapshots, false);
            write(logDir, config, updates, updates / 10);
            StartupReport snapshotAndTail = open(logDir, config, snapshots, false);
            long[] raw = readRaw(logDir, config);

            MarkdownTable table = new MarkdownTable("start-up", "snapshot quads", "log commits replayed",
                    "log records replayed", "ms, first", "ms, again", "log records/s, again");
            table.row("log only (no snapshot)", "0", fmt(fromLog.replayedCommits()), fmt(fromLog.replayedRecords()),
                    fmt(fromLogCold.totalMillis()), fmt(fromLog.totalMillis()), fmt(fromLog.replayRecordsPerSecond()));
            table.row("snapshot only", fmt(fromSnapshot.snapshotRecords()), "0", "0",
                    fmt(fromSnapshotCold.totalMillis()), fmt(fromSnapshot.totalMillis()), "-");
            table.row("snapshot + 10% more log", fmt(snapshotAndTail.snapshotRecords()),
                    fmt(snapshotAndTail.replayedCommits()), fmt(snapshotAndTail.replayedRecords()), "-",
                    fmt(snapshotAndTail.totalMillis()), fmt(snapshotAndTail.replayRecordsPerSecond()));
            long rawRate = raw[0] * 1_000_000_000L / Math.max(1, raw[1]);
            String summary = "# RDF start-up and replay\n\n" + Machine.current() + "\n\n"
                    + "Log: " + fmt(updates) + " updates written through the store, then " + fmt(updates / 10)
                    + " more after the snapshot; " + fmt(raw[0]) + " records in all.\n\n"
                    + table + "\n"
                    + "\"first\" is the first start-up of its kind in the JVM, \"again\" the one after it.\n\n"
                    + "Baseline, same run, warm: reading the log's records and tokenizing their N-Quads text without "
                    + "storing them: " + fmt(rawRate) + " records/s. Replay ÷ baseline: "
                    + String.format("%.2f", (double) fromLog.replayRecordsPerSecond() / rawRate) + ".\n\n"
                    + "Opening from the log and writing a snapshot of the result took " + fmt(snapshotMillis) + " ms.\n";
            System.out.println(summary);
            java.nio.file.Files.createDirectories(out);
            java.nio.file.Files.writeString(out.resolve("rdf-startup-summary.md"), summary);
        }
    }

    private static void write(Path logDir, LogConfig config, int from, int count) throws IOException {
        try (FileChangeLog log = FileChangeLog.open(logDir, config); RdfStore store = RdfStore.open(log)) {
            for (int i = from; i < from + count; i++) {
                StringBuilder update = new StringBuilder("PREFIX : <http://example.org/bench/> INSERT DATA { :s")
                        .append(i).append(" :name \"subject ").append(i).append("\"@en ; :seq ").append(i).append(" . }");
                if (i % 4 == 3) {
                    update.append(" ; DELETE WHERE { :s").append(i - 3).append(" :seq ?o }");
                }
                store.update(update.toString());
            }
        }
    }

    /** Records in the log, and nanoseconds to read them and tokenize their text. */
    private static long[] readRaw(Path logDir, LogConfig config) throws IOException {
        try (FileChangeLog log = FileChangeLog.open(logDir, config)) {
            ParserProfile profile = RiotLib.dftProfile();
            long start = System.nanoTime();
            long records = 0;
            long tokens = 0;
            try (LogCursor c = log.cursor(1, 1)) {
                while (c.next()) {
                    RecordCodec.op(c.record());
                    String stmt = RdfData.fromJson(RecordCodec.data(c.record())).stmt();
                    Tokenizer tokenizer = TokenizerText.create().fromString(stmt).errorHandler(profile.getErrorHandler()).build();
                    while (tokenizer.hasNext()) {
                        tokenizer.next();
                        tokens++;
                    }
                    records++;
                }
            }
            if (tokens == 0) {
                throw new IllegalStateException("no tokens read");
            }
            return new long[] {records, System.nanoTime() - start};
        }
    }

    private static StartupReport open(Path logDir, LogConfig config, Path snapshots, boolean takeSnapshot)
            throws IOException {
        try (FileChangeLog log = FileChangeLog.open(logDir, config);
             RdfStore store = RdfStore.open(log, snapshots, null)) {
            if (takeSnapshot) {
                long start = System.nanoTime();
                store.snapshot();
                System.out.printf("snapshot written in %d ms%n", (System.nanoTime() - start) / 1_000_000);
            }
            return store.startupReport();
        }
    }

    private static String fmt(long n) {
        return String.format("%,d", n);
    }
}
