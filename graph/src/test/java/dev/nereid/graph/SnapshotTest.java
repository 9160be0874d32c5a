package dev.nereid.graph;

import dev.nereid.log.ChangeLog;
import dev.nereid.log.Durability;
import dev.nereid.log.FileChangeLog;
import dev.nereid.log.LogConfig;
import dev.nereid.log.SnapshotSchedule;
import dev.nereid.log.StartupReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Snapshots: start-up = newest valid snapshot + the log after it, and nothing about the graph changes. */
class SnapshotTest {

    @TempDir
    Path dir;

    private ChangeLog openLog() throws IOException {
        return FileChangeLog.open(dir.resolve("log"), LogConfig.defaults().withDurability(Durability.NONE));
    }

    private Path snapshots() {
        return dir.resolve("snapshots");
    }

    private static void workload(GraphFixture f, long seed, int transactions) {
        Random r = new Random(seed);
        for (int i = 0; i < transactions; i++) {
            try {
                f.run(ReplayOracleTest.Workload.transaction(r));
            } catch (RuntimeException expected) {
                // failed transactions are part of the workload
            }
        }
    }

    @Test
    void startUpLoadsTheNewestSnapshotThenReplaysTheLogAfterIt() throws Exception {
        List<?> live;
        long snapshotAt;
        try (GraphFixture f = new GraphFixture(openLog(), snapshots())) {
            workload(f, 1, 300);
            OptionalLong taken = f.graph.snapshot();
            assertThat(taken).hasValue(f.lastCommitNum());
            snapshotAt = taken.getAsLong();
            assertThat(f.log.snapshotCommitNum()).hasValue(snapshotAt);
            workload(f, 2, 100);
            live = f.graph.content();
        }
        try (GraphFixture f = new GraphFixture(openLog(), snapshots())) {
            StartupReport report = f.graph.startupReport();
            assertThat(report.snapshotCommitNum()).isEqualTo(snapshotAt);
            assertThat(report.replayedCommits()).isEqualTo(f.lastCommitNum() - snapshotAt);
            assertThat(f.graph.content()).isEqualTo(live);
        }
        try (GraphFixture f = new GraphFixture(openLog(), null)) {
            assertThat(f.graph.startupReport().snapshotCommitNum()).isZero();
            assertThat(f.graph.content()).isEqualTo(live);
        }
    }

    @Test
    void aDamagedSnapshotIsSkippedForTheOneBefore() throws Exception {
        List<?> live;
        long first;
        try (GraphFixture f = new GraphFixture(openLog(), snapshots())) {
            workload(f, 3, 150);
            first = f.graph.snapshot().getAsLong();
            workload(f, 4, 150);
            long second = f.graph.snapshot().getAsLong();
            assertThat(second).isGreaterThan(first);
            live = f.graph.content();
        }
        Path newest = new dev.nereid.log.SnapshotDirectory(snapshots(), SnapshotFile.EXTENSION).newestFirst().get(0);
        long size = Files.size(newest);
        try (var ch = java.nio.channels.FileChannel.open(newest, StandardOpenOption.WRITE)) {
            ch.truncate(size - 7);
        }
        try (GraphFixture f = new GraphFixture(openLog(), snapshots())) {
            assertThat(f.graph.startupReport().snapshotCommitNum()).isEqualTo(first);
            assertThat(f.graph.content()).isEqualTo(live);
        }
    }

    @Test
    void onlyTheTwoNewestSnapshotsAreKept() throws Exception {
        try (GraphFixture f = new GraphFixture(openLog(), snapshots())) {
            for (int i = 0; i < 4; i++) {
                f.run("g.addV('n').property(id,'n" + i + "')");
                f.graph.snapshot();
            }
            assertThat(new dev.nereid.log.SnapshotDirectory(snapshots(), SnapshotFile.EXTENSION).newestFirst()).extracting(p -> p.getFileName().toString())
                    .containsExactly("snapshot-00000000000000000004.pgs", "snapshot-00000000000000000003.pgs");
        }
    }

    @Test
    void theStreamAfterASnapshotOrdersExactlyAsWithoutIt() throws Exception {
        String drop = "g.V('hub').drop()";
        List<String> withSnapshot;
        try (GraphFixture f = new GraphFixture(openLog(), snapshots())) {
            f.run("g.addV('hub').property(id,'hub').property('b',1).property('a',2)");
            for (int i = 0; i < 6; i++) {
                f.run("g.addV('leaf').property(id,'l" + i + "')");
                f.run(i % 2 == 0
                        ? "g.V('hub').addE('to').to(__.V('l" + i + "')).property(id,'x" + (9 - i) + "').property('w'," + i + ")"
                        : "g.V('l" + i + "').addE('from').to(__.V('hub')).property(id,'x" + (9 - i) + "')");
            }
            f.run("g.V('hub').property(single,'b',1)");
            f.graph.snapshot();
        }
        try (GraphFixture f = new GraphFixture(openLog(), snapshots())) {
            assertThat(f.graph.startupReport().snapshotCommitNum()).isEqualTo(f.lastCommitNum());
            withSnapshot = f.lines(f.run(drop).orElseThrow().commitNum());
        }
        assertThat(withSnapshot).containsExactly(
                "1 REMOVE ep x9 w 0 Int", "2 REMOVE ep x7 w 2 Int", "3 REMOVE ep x5 w 4 Int",
                "4 REMOVE e x9 label to hub→l0", "5 REMOVE e x8 label from l1→hub", "6 REMOVE e x7 label to hub→l2",
                "7 REMOVE e x6 label from l3→hub", "8 REMOVE e x5 label to hub→l4", "9 REMOVE e x4 label from l5→hub",
                "10 REMOVE vp hub b 1 Int", "11 REMOVE vp hub a 2 Int", "12 REMOVE vl hub label hub *");
    }

    @Test
    void theScheduleSnapshotsWhenEnoughCommitsCameAndOnceMoreWhenClosed() throws Exception {
        try (GraphFixture f = new GraphFixture(openLog(), snapshots())) {
            SnapshotSchedule schedule = SnapshotSchedule.start(f.graph, java.time.Duration.ofMillis(20), 3);
            f.run("g.addV('n').property(id,'a')");
            f.run("g.addV('n').property(id,'b')");
            Thread.sleep(200);
            assertThat(f.graph.lastSnapshotCommitNum()).as("below the threshold").isZero();
            f.run("g.addV('n').property(id,'c')");
            long deadline = System.currentTimeMillis() + 10_000;
            while (f.graph.lastSnapshotCommitNum() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(f.graph.lastSnapshotCommitNum()).isEqualTo(3);
            f.run("g.addV('n').property(id,'d')");
            schedule.close();
            assertThat(f.graph.lastSnapshotCommitNum()).as("on close").isEqualTo(4);
        }
    }
}
