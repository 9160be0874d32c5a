package dev.nereid.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on real files, plus what only a file log has: restarts, files, locking. */
class FileChangeLogTest extends ChangeLogContractTest {

    @TempDir
    Path temp;

    private Path dir() {
        return temp.resolve("log");
    }

    @Override
    protected ChangeLog newLog(LogConfig config) throws IOException {
        return FileChangeLog.open(dir(), config);
    }

    private FileChangeLog reopen() throws IOException {
        log.close();
        FileChangeLog reopened = FileChangeLog.open(dir(), config());
        log = reopened;
        return reopened;
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void reopeningKeepsEveryCommitAndContinuesTheNumbering() throws IOException {
        for (int i = 1; i <= 30; i++) {
            clock.set(T0 + i);
            log.append(i % 2 == 0 ? page("c" + i) : records("c" + i, "d" + i));
        }
        List<Event> before = readFrom(0, 0);
        FileChangeLog reopened = reopen();
        assertThat(reopened.recovery().clean()).isTrue();
        assertThat(reopened.recovery().bytesDropped()).isZero();
        assertThat(reopened.recovery().commitsFound()).isEqualTo(30);
        assertThat(log.lastCommit()).contains(new CommitInfo(30, T0 + 30, 1));
        assertThat(log.firstCommit()).contains(new CommitInfo(1, T0 + 1, 2));
        assertThat(readFrom(0, 0)).isEqualTo(before);
        clock.set(T0);
        assertThat(log.append(records("after"))).isEqualTo(new CommitInfo(31, T0 + 30, 1));
        assertThat(log.lastCommitBefore(T0 + 16)).contains(new CommitInfo(15, T0 + 15, 2));
    }

    @Test
    void anInterruptedAppenderNeitherFailsNorBreaksTheLog() throws IOException {
        LogConfig durable = config().withDurability(Durability.FSYNC);
        log.close();
        log = FileChangeLog.open(dir(), durable);
        Thread.currentThread().interrupt();
        try {
            assertThat(log.append(records("while interrupted")).commitNum()).isEqualTo(1);
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is left for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }
        appendPages(6, T0);
        assertThat(log.lastCommit().orElseThrow().commitNum()).isEqualTo(7);
        FileChangeLog reopened = reopen();
        assertThat(reopened.recovery().clean()).isTrue();
        assertThat(reopened.lastCommit().orElseThrow().commitNum()).isEqualTo(7);
    }

    @Test
    void segmentFilesAreNamedByTheirFirstCommit() throws IOException {
        appendPages(9, T0);
        assertThat(fileNames()).containsExactly("00000000000000000001.log", "00000000000000000005.log",
                "00000000000000000009.log", "LOCK");
        assertThat(Files.size(dir().resolve("00000000000000000001.log"))).isEqualTo(FULL_SEGMENT_BYTES);
    }

    @Test
    void snapshotAndDeletionBookkeepingSurviveReopening() throws IOException {
        appendPages(10, T0);
        log.registerSnapshot(9);
        log.applyRetention(T0 + 1);
        FileChangeLog reopened = reopen();
        assertThat(reopened.recovery().clean()).isTrue();
        assertThat(log.snapshotCommitNum()).isEqualTo(OptionalLong.of(9));
        assertThat(log.lastDeleted()).contains(new CommitInfo(8, T0, 1));
        assertThat(log.firstCommit()).contains(new CommitInfo(9, T0, 1));
        assertThat(readFrom(0, 0)).extracting(Event::commitNum).containsExactly(9L, 10L);
        assertThat(log.append(page("x")).commitNum()).isEqualTo(11);
    }

    @Test
    void aResetSurvivesReopening() throws IOException {
        appendPages(6, T0);
        log.registerSnapshot(6);
        log.reset();
        log.append(records("one"));
        reopen();
        assertThat(log.snapshotCommitNum()).isEmpty();
        assertThat(log.lastDeleted()).isEmpty();
        assertThat(readFrom(0, 0)).containsExactly(new Event(1, 1, 1, T0, "one"));
        assertThat(log.append(records("two")).commitNum()).isEqualTo(2);
    }

    @Test
    void openingFinishesAHalfDoneReset() throws IOException {
        appendPages(9, T0);
        log.registerSnapshot(9);
        log.applyRetention(T0 + 1);
        log.close();
        // A reset that stopped after its marker was durable and one segment was deleted.
        Files.write(dir().resolve(LogBookkeeping.RESET_MARKER), new byte[0]);
        Files.delete(dir().resolve("00000000000000000009.log"));
        log = FileChangeLog.open(dir(), config());
        assertThat(log.lastCommit()).isEmpty();
        assertThat(log.lastDeleted()).isEmpty();
        assertThat(log.snapshotCommitNum()).isEmpty();
        assertThat(fileNames()).containsExactly("00000000000000000001.log", "LOCK");
        assertThat(log.append(records("one")).commitNum()).isEqualTo(1);
    }

    @Test
    void openingFinishesAnInterruptedRetentionPass() throws IOException {
        appendPages(10, T0);
        Path first = dir().resolve("00000000000000000001.log");
        Path saved = temp.resolve("saved.log");
        Files.copy(first, saved);
        log.registerSnapshot(10);
        log.applyRetention(T0 + 1);
        log.close();
        // As if the pass had stopped after recording the deletion, before deleting every file.
        Files.copy(saved, first, StandardCopyOption.REPLACE_EXISTING);
        log = FileChangeLog.open(dir(), config());
        assertThat(Files.exists(first)).isFalse();
        assertThat(log.firstCommit()).contains(new CommitInfo(9, T0, 1));
        assertThat(log.lastDeleted()).contains(new CommitInfo(8, T0, 1));
    }

    @Test
    void aDamagedSnapshotFileCountsAsNoSnapshot() throws IOException {
        appendPages(5, T0);
        log.registerSnapshot(5);
        log.close();
        Path snapshot = dir().resolve(LogBookkeeping.SNAPSHOT_FILE);
        byte[] bytes = Files.readAllBytes(snapshot);
        bytes[bytes.length - 1] ^= 1;
        Files.write(snapshot, bytes);
        log = FileChangeLog.open(dir(), config());
        assertThat(log.snapshotCommitNum()).isEmpty();
        assertThat(log.applyRetention(Long.MAX_VALUE).segmentsDeleted()).isZero();
    }

    @Test
    void aLostDeletionRecordIsRebuiltFromTheFirstSegment() throws IOException {
        appendPages(6, T0 + 7);
        log.registerSnapshot(6);
        log.applyRetention(Long.MAX_VALUE);
        log.close();
        Files.delete(dir().resolve(LogBookkeeping.DELETED_FILE));
        log = FileChangeLog.open(dir(), config());
        assertThat(log.lastDeleted()).contains(new CommitInfo(4, T0 + 7, Integer.MAX_VALUE));
    }

    @Test
    void aSecondOpenOfTheSameDirectoryFails() {
        assertThatThrownBy(() -> FileChangeLog.open(dir(), config())).isInstanceOf(IOException.class)
                .hasMessageContaining("already open");
    }

    @Test
    void aCursorKeepsReadingTheSegmentItOpenedButNotOnesDeletedBeforeItGotThere() throws IOException {
        appendPages(13, T0);
        log.registerSnapshot(13);
        try (LogCursor cursor = log.cursor(2, 1)) {
            assertThat(log.applyRetention(T0 + 1).segmentsDeleted()).isEqualTo(3);
            for (long c = 2; c <= 4; c++) {
                assertThat(cursor.next()).isTrue();
                assertThat(cursor.commitNum()).isEqualTo(c);
            }
            assertThatThrownBy(cursor::next).isInstanceOf(SegmentDeletedException.class);
        }
    }

    @Test
    void noForceDurabilityKeepsTheContract() throws IOException {
        log.close();
        log = FileChangeLog.open(temp.resolve("fast"), config().withDurability(Durability.NONE));
        appendPages(9, T0);
        assertThat(readFrom(5, 1)).extracting(Event::commitNum).containsExactly(5L, 6L, 7L, 8L, 9L);
        log.close();
        log = FileChangeLog.open(temp.resolve("fast"), config().withDurability(Durability.NONE));
        assertThat(log.lastCommit()).contains(new CommitInfo(9, T0, 1));
    }

    @Test
    void aLogWithOnlyAnEmptySegmentFileIsRecreated() throws IOException {
        log.close();
        Path segment = dir().resolve("00000000000000000001.log");
        Files.write(segment, new byte[3]);
        FileChangeLog reopened = FileChangeLog.open(dir(), config());
        log = reopened;
        assertThat(reopened.recovery()).extracting(RecoveryReport::bytesDropped, RecoveryReport::segmentsDeleted)
                .containsExactly(3L, 1);
        assertThat(Files.size(segment)).isEqualTo(8);
        assertThat(log.append(records("a")).commitNum()).isEqualTo(1);
    }

    @Test
    void aLogWhoseEveryStoredCommitWasDeletedContinuesItsNumbering() throws IOException {
        appendPages(5, T0);
        log.close();
        // A crash right after rolling to a new segment leaves it with only its header.
        Files.write(dir().resolve("00000000000000000006.log"), "NRDLOG01".getBytes(StandardCharsets.US_ASCII));
        log = FileChangeLog.open(dir(), config());
        log.registerSnapshot(5);
        assertThat(log.applyRetention(Long.MAX_VALUE).segmentsDeleted()).isEqualTo(2);
        assertThat(log.lastCommit()).isEmpty();
        assertThat(log.firstCommit()).isEmpty();
        assertThat(log.lastDeleted()).contains(new CommitInfo(5, T0, 1));
        try (LogCursor cursor = log.cursor(0, 0)) {
            assertThat(cursor.next()).isFalse();
            assertThat(log.append(records("six"))).isEqualTo(new CommitInfo(6, T0, 1));
            assertThat(drain(cursor)).containsExactly(new Event(6, 1, 1, T0, "six"));
        }
        reopen();
        assertThat(log.lastDeleted()).contains(new CommitInfo(5, T0, 1));
        assertThat(readFrom(0, 0)).containsExactly(new Event(6, 1, 1, T0, "six"));
    }
}
