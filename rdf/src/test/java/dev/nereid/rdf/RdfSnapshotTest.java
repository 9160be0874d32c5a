package dev.nereid.rdf;

import dev.nereid.log.ChangeLog;
import dev.nereid.log.Durability;
import dev.nereid.log.FileChangeLog;
import dev.nereid.log.LogConfig;
import dev.nereid.log.LogCursor;
import dev.nereid.log.SnapshotDirectory;
import dev.nereid.stream.RdfData;
import dev.nereid.stream.RecordCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** RDF snapshots: start-up = newest valid snapshot + the log after it, and nothing a consumer sees changes. */
class RdfSnapshotTest {

    private static final String EX = "PREFIX ex: <http://example.org/> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> ";

    @TempDir
    Path dir;

    private ChangeLog openLog() throws IOException {
        return FileChangeLog.open(dir.resolve("log"), LogConfig.defaults().withDurability(Durability.NONE));
    }

    private Path snapshots() {
        return dir.resolve("snapshots");
    }

    private SnapshotDirectory snapshotFiles() {
        return new SnapshotDirectory(snapshots(), RdfSnapshotFile.EXTENSION);
    }

    private static void workload(RdfStore store, long seed, int requests) {
        Random r = new Random(seed);
        for (int i = 0; i < requests; i++) {
            try {
                store.update(EX + SparqlReplayOracleTest.Workload.request(r));
            } catch (RuntimeException expected) {
                // the workload's failing requests
            }
        }
    }

    /** The stmt of each record of one commit. */
    private static List<String> stmts(ChangeLog log, long commitNum) throws IOException {
        List<String> out = new ArrayList<>();
        try (LogCursor c = log.cursor(commitNum, 1)) {
            while (c.next() && c.commitNum() == commitNum) {
                ByteBuffer record = c.record();
                out.add(RecordCodec.op(record) + " " + RdfData.fromJson(RecordCodec.data(record)).stmt());
            }
        }
        return out;
    }

    @Test
    void startUpLoadsTheNewestSnapshotThenReplaysTheLogAfterIt() throws Exception {
        List<String> live;
        List<String> byAge;
        long snapshotAt;
        try (ChangeLog log = openLog(); RdfStore store = RdfStore.open(log, snapshots(), null)) {
            workload(store, 1, 300);
            snapshotAt = store.snapshot().getAsLong();
            assertThat(snapshotAt).isEqualTo(log.lastCommit().orElseThrow().commitNum());
            assertThat(log.snapshotCommitNum()).hasValue(snapshotAt);
            assertThat(store.lastSnapshotCommitNum()).isEqualTo(snapshotAt);
            workload(store, 2, 100);
            live = store.content();
            byAge = store.contentOldestFirst();
        }
        try (ChangeLog log = openLog(); RdfStore store = RdfStore.open(log, snapshots(), null)) {
            assertThat(store.startupReport().snapshotCommitNum()).isEqualTo(snapshotAt);
            assertThat(store.startupReport().snapshotRecords()).isPositive();
            assertThat(store.startupReport().replayedCommits())
                    .isEqualTo(log.lastCommit().orElseThrow().commitNum() - snapshotAt);
            assertThat(store.content()).isEqualTo(live);
            assertThat(store.contentOldestFirst()).isEqualTo(byAge);
        }
        try (ChangeLog log = openLog(); RdfStore store = RdfStore.open(log)) {
            assertThat(store.startupReport().snapshotCommitNum()).isZero();
            assertThat(store.content()).isEqualTo(live);
        }
    }

    /** Blank-node labels and literal forms survive the binary round trip: the stream names them as before. */
    @Test
    void aBlankNodeKeepsItsStreamLabelAcrossASnapshot() throws Exception {
        String added;
        try (ChangeLog log = openLog(); RdfStore store = RdfStore.open(log, snapshots(), null)) {
            long c = store.update(EX + "INSERT DATA { ex:s ex:addr _:a . _:a ex:city \"Zürich\\n\\\"8000\\\"\"@DE-ch . "
                    + "_:a ex:zip \"08000\"^^xsd:int . GRAPH ex:g { _:a ex:p \"x\"^^xsd:string } }").orElseThrow().commitNum();
            added = String.join("", stmts(log, c)).replace("ADD ", "");
            store.snapshot();
        }
        try (ChangeLog log = openLog(); RdfStore store = RdfStore.open(log, snapshots(), null)) {
            assertThat(store.startupReport().replayedCommits()).isZero();
            long c = store.update(EX + "DELETE WHERE { ex:s ex:addr ?a . ?a ?p ?o } ; DELETE WHERE { GRAPH ?g { ?a ex:p ?o } }")
                    .orElseThrow().commitNum();
            assertThat(String.join("", stmts(log, c)).replace("REMOVE ", "")).isEqualTo(added);
            assertThat(store.content()).isEmpty();
        }
    }

    @Test
    void aDamagedSnapshotIsSkippedForTheOneBefore() throws Exception {
        List<String> live;
        long first;
        long second;
        try (ChangeLog log = openLog(); RdfStore store = RdfStore.open(log, snapshots(), null)) {
            workload(store, 3, 150);
            first = store.snapshot().getAsLong();
            workload(store, 4, 150);
            second = store.snapshot().getAsLong();
            live = store.content();
        }
        Path newest = snapshotFiles().newestFirst().get(0);
        assertThat(snapshotFiles().commitNumOf(newest)).isEqualTo(second);
        try (FileChannel ch = FileChannel.open(newest, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {0x55, 0x55}), ch.size() / 2);
        }
        try (ChangeLog log = openLog(); RdfStore store = RdfStore.open(log, snapshots(), null)) {
            assertThat(store.startupReport().snapshotCommitNum()).isEqualTo(first);
            assertThat(store.content()).isEqualTo(live);
        }
        Files.write(newest, new byte[10]);
        assertThat(RdfSnapshotFile.read(newest, q -> { })).isEmpty();
    }

    @Test
    void keepsTheTwoNewestSnapshotsAndAResetDeletesThem() throws Exception {
        try (ChangeLog log = openLog(); RdfStore store = RdfStore.open(log, snapshots(), null)) {
            assertThat(store.snapshot()).isEmpty();
            for (int i = 0; i < 3; i++) {
                store.update(EX + "INSERT DATA { ex:s ex:p " + i + " }");
                store.snapshot();
            }
            assertThat(snapshotFiles().newestFirst()).extracting(snapshotFiles()::commitNumOf).containsExactly(3L, 2L);
            store.resetWith(log::reset);
            assertThat(snapshotFiles().newestFirst()).isEmpty();
            assertThat(store.content()).isEmpty();
            assertThat(store.contentOldestFirst()).isEmpty();
        }
    }
}
