package dev.nereid.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 at random moments: a child JVM ({@link CrashAppender}) appends with forced durability
 * from several threads and is killed; the parent then opens the log and checks that every
 * acknowledged commit is there exactly as written, that no commit is partial, and that numbering
 * is dense. The next cycle continues on the same log.
 */
class LogCrashIT {

    private static final int CYCLES = 24;

    /** Who wrote a commit: cycle, thread, seq. */
    private record Origin(int cycle, int thread, int seq) {
    }

    @TempDir
    Path temp;

    @Test
    void everyAcknowledgedCommitSurvivesAKillAndNoPartialOneDoes() throws Exception {
        Path dir = temp.resolve("log");
        Random random = new Random(20260101);
        Map<Long, Origin> acknowledged = new HashMap<>();
        long droppedTotal = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            List<String> lines = runAndKill(dir, cycle, 100 + random.nextInt(301));
            int acks = 0;
            for (String line : lines) {
                assertThat(line).as("child output, cycle %d", cycle).doesNotStartWith("FAILED");
                String[] parts = line.split(" ");
                if (parts[0].equals("ACK")) {
                    Origin origin = new Origin(Integer.parseInt(parts[2]), Integer.parseInt(parts[3]),
                            Integer.parseInt(parts[4]));
                    assertThat(acknowledged.put(Long.parseLong(parts[1]), origin)).as("commit acknowledged twice")
                            .isNull();
                    acks++;
                }
            }
            assertThat(acks).as("commits acknowledged in cycle %d", cycle).isPositive();

            try (FileChangeLog log = FileChangeLog.open(dir, new LogConfig(CrashAppender.SEGMENT_BYTES,
                    Durability.FSYNC, Clock.systemUTC()))) {
                droppedTotal += log.recovery().bytesDropped();
                Map<Long, Origin> stored = readWholeCommits(log);
                for (Map.Entry<Long, Origin> ack : acknowledged.entrySet()) {
                    assertThat(stored.get(ack.getKey())).as("acknowledged commit %d", ack.getKey())
                            .isEqualTo(ack.getValue());
                }
                assertEachThreadWroteAPrefix(stored, cycle);
                assertThat(log.lastCommit().orElseThrow().commitNum()).isEqualTo(stored.size());
            }
        }
        assertThat(acknowledged).hasSizeGreaterThan(CYCLES * 10);
        // Not asserted (a kill may land between frames every time), but shows what recovery did.
        System.out.printf("LogCrashIT: %d commits acknowledged, %d bytes of torn tails dropped%n",
                acknowledged.size(), droppedTotal);
    }

    private List<String> runAndKill(Path dir, int cycle, int millisAfterReady) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), CrashAppender.class.getName(), dir.toString(),
                Integer.toString(cycle))
                .redirectError(temp.resolve("child-" + cycle + ".err").toFile())
                .start();
        List<String> lines = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                String line;
                while ((line = out.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (line.startsWith("READY")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                synchronized (lines) {
                    lines.add("FAILED reading the child: " + e);
                }
            }
        });
        reader.start();
        try {
            assertThat(ready.await(30, TimeUnit.SECONDS)).as("child of cycle %d ready", cycle).isTrue();
            Thread.sleep(millisAfterReady);
        } finally {
            // SIGKILL through the handle: Process.destroyForcibly() would also close our end of the
            // pipe and lose acknowledgements still buffered in it.
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(30_000);
        }
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    /** Reads the whole log, checking density and that every commit is whole and intact. */
    private static Map<Long, Origin> readWholeCommits(ChangeLog log) throws IOException {
        Map<Long, Origin> stored = new HashMap<>();
        long expectedCommit = 1;
        int[] first = null;
        try (LogCursor cursor = log.cursor(0, 0)) {
            while (cursor.next()) {
                ByteBuffer record = cursor.record();
                byte[] bytes = new byte[record.remaining()];
                record.duplicate().get(bytes);
                int[] fields = CrashAppender.decode(bytes);
                assertThat(fields).as("record (%d,%d) intact", cursor.commitNum(), cursor.opNum()).isNotNull();
                if (cursor.opNum() == 1) {
                    assertThat(cursor.commitNum()).as("dense commitNums").isEqualTo(expectedCommit++);
                    first = fields;
                    stored.put(cursor.commitNum(), new Origin(fields[0], fields[1], fields[2]));
                }
                assertThat(fields[3]).as("record index").isEqualTo(cursor.opNum() - 1);
                assertThat(new int[] {fields[0], fields[1], fields[2], fields[4]})
                        .as("commit %d is one commit", cursor.commitNum())
                        .containsExactly(first[0], first[1], first[2], cursor.recordCount());
            }
        }
        return stored;
    }

    /** A thread appends seq n+1 only after seq n returned, so what is stored of it is a prefix. */
    private static void assertEachThreadWroteAPrefix(Map<Long, Origin> stored, int upToCycle) {
        Map<List<Integer>, List<Integer>> seqsByWriter = new HashMap<>();
        stored.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> seqsByWriter
                .computeIfAbsent(List.of(e.getValue().cycle(), e.getValue().thread()), k -> new ArrayList<>())
                .add(e.getValue().seq()));
        for (Map.Entry<List<Integer>, List<Integer>> writer : seqsByWriter.entrySet()) {
            assertThat(writer.getKey().get(0)).isLessThanOrEqualTo(upToCycle);
            List<Integer> seqs = writer.getValue();
            for (int i = 0; i < seqs.size(); i++) {
                assertThat(seqs.get(i)).as("seq %d of cycle/thread %s", i, writer.getKey()).isEqualTo(i);
            }
        }
    }
}
