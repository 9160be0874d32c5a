package dev.nereid.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ChangeLog} shares, run against each implementation by a subclass
 * that says how to make a new, empty log.
 *
 * <p>Segment geometry the retention tests rely on: with {@link #SEGMENT_BYTES} = 4096 and commits
 * of one {@link #PAGE}-byte record (a 1032-byte frame), a segment holds 4 commits and, once
 * closed, {@link #FULL_SEGMENT_BYTES} bytes.
 *
 * <p>Over 500 lines on purpose: the whole contract lives in one abstract class so that every
 * implementation (file, memory, and later remote) is held to all of it by one {@code extends}.
 */
public abstract class ChangeLogContractTest {

    protected static final long T0 = 1_767_225_600_000L;
    protected static final long SEGMENT_BYTES = 4096;
    protected static final int PAGE = 1000;
    protected static final long FULL_SEGMENT_BYTES = 8 + 4 * (28 + 4 + PAGE);

    protected final MutableClock clock = new MutableClock(T0);
    protected ChangeLog log;

    /** A new, empty log with this configuration; the contract test closes it. */
    protected abstract ChangeLog newLog(LogConfig config) throws IOException;

    protected LogConfig config() {
        return new LogConfig(SEGMENT_BYTES, Durability.FSYNC, clock);
    }

    @BeforeEach
    protected void openLog() throws IOException {
        log = newLog(config());
    }

    @AfterEach
    protected void closeLog() throws IOException {
        log.close();
    }

    /** One record as a cursor returned it. */
    protected record Event(long commitNum, int opNum, int recordCount, long commitTimestamp, String text) {
    }

    protected static List<byte[]> records(String... texts) {
        List<byte[]> records = new ArrayList<>();
        for (String text : texts) {
            records.add(text.getBytes(StandardCharsets.UTF_8));
        }
        return records;
    }

    /** A commit of one {@link #PAGE}-byte record whose text starts with {@code label}. */
    protected static List<byte[]> page(String label) {
        byte[] bytes = new byte[PAGE];
        Arrays.fill(bytes, (byte) '.');
        byte[] prefix = label.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        return List.of(bytes);
    }

    protected static String text(ByteBuffer record) {
        return StandardCharsets.UTF_8.decode(record.duplicate()).toString();
    }

    /** Everything the cursor returns until it has nothing more. */
    protected static List<Event> drain(LogCursor cursor) throws IOException {
        List<Event> events = new ArrayList<>();
        while (cursor.next()) {
            events.add(new Event(cursor.commitNum(), cursor.opNum(), cursor.recordCount(), cursor.commitTimestamp(),
                    text(cursor.record())));
        }
        return events;
    }

    protected List<Event> readFrom(long commitNum, long opNum) throws IOException {
        try (LogCursor cursor = log.cursor(commitNum, opNum)) {
            return drain(cursor);
        }
    }

    /** The first event a cursor opened at (commitNum, opNum) returns, or null. */
    protected Event firstFrom(long commitNum, long opNum) throws IOException {
        try (LogCursor cursor = log.cursor(commitNum, opNum)) {
            return cursor.next() ? new Event(cursor.commitNum(), cursor.opNum(), cursor.recordCount(),
                    cursor.commitTimestamp(), text(cursor.record())) : null;
        }
    }

    /** Appends {@code count} one-page commits, the clock at {@code timestamp}. */
    protected void appendPages(int count, long timestamp) throws IOException {
        clock.set(timestamp);
        for (int i = 0; i < count; i++) {
            log.append(page("p"));
        }
    }

    @Test
    public void aNewLogIsEmpty() throws IOException {
        assertThat(log.lastCommit()).isEmpty();
        assertThat(log.firstCommit()).isEmpty();
        assertThat(log.lastDeleted()).isEmpty();
        assertThat(log.snapshotCommitNum()).isEmpty();
        assertThat(log.lastCommitBefore(Long.MAX_VALUE)).isEmpty();
        assertThat(readFrom(0, 0)).isEmpty();
    }

    @Test
    public void numbersCommitsFromOneDensely() throws IOException {
        assertThat(log.append(records("a", "b"))).isEqualTo(new CommitInfo(1, T0, 2));
        assertThat(log.append(records("c"))).isEqualTo(new CommitInfo(2, T0, 1));
        assertThat(log.append(records("d", "e", "f"))).isEqualTo(new CommitInfo(3, T0, 3));
        assertThat(log.lastCommit()).contains(new CommitInfo(3, T0, 3));
        assertThat(log.firstCommit()).contains(new CommitInfo(1, T0, 2));
    }

    @Test
    public void timestampIsTheClockRaisedToThePreviousCommits() throws IOException {
        clock.set(T0 + 100);
        assertThat(log.append(records("a")).commitTimestamp()).isEqualTo(T0 + 100);
        clock.set(T0);
        assertThat(log.append(records("b")).commitTimestamp()).isEqualTo(T0 + 100);
        clock.set(T0 + 250);
        assertThat(log.append(records("c")).commitTimestamp()).isEqualTo(T0 + 250);
        assertThat(readFrom(1, 1)).extracting(Event::commitTimestamp).containsExactly(T0 + 100, T0 + 100, T0 + 250);
    }

    @Test
    public void refusesAnEmptyCommitWithoutTakingANumber() throws IOException {
        assertThatThrownBy(() -> log.append(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(log.lastCommit()).isEmpty();
        assertThat(log.append(records("a")).commitNum()).isEqualTo(1);
    }

    @Test
    public void appendAllNumbersItsCommitsInListOrderAfterEarlierOnes() throws IOException {
        log.append(records("a"));
        clock.advance(3);
        assertThat(log.appendAll(List.of(records("b", "c"), records("d"), records("e"))))
                .containsExactly(new CommitInfo(2, T0 + 3, 2), new CommitInfo(3, T0 + 3, 1), new CommitInfo(4, T0 + 3, 1));
        assertThat(log.append(records("f")).commitNum()).isEqualTo(5);
        assertThat(readFrom(1, 1)).extracting(Event::text).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(readFrom(3, 1).get(0)).isEqualTo(new Event(3, 1, 1, T0 + 3, "d"));
    }

    @Test
    public void appendAllSpansSegmentsLikeSingleAppends() throws IOException {
        List<List<byte[]>> pages = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pages.add(page("p" + i));
        }
        assertThat(log.appendAll(pages)).extracting(CommitInfo::commitNum).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(readFrom(1, 1)).extracting(e -> e.text().substring(0, 3).replace(".", ""))
                .containsExactly("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9");
    }

    @Test
    public void appendAllWithAnEmptyCommitWritesNoneOfThem() throws IOException {
        assertThatThrownBy(() -> log.appendAll(List.of(records("a"), List.of()))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.appendAll(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(log.lastCommit()).isEmpty();
        assertThat(log.append(records("b")).commitNum()).isEqualTo(1);
    }

    @Test
    public void aCursorReadsEveryRecordInEventIdOrder() throws IOException {
        log.append(records("a", "b", "c"));
        clock.advance(5);
        log.append(records("d"));
        log.append(records("e", "f"));
        assertThat(readFrom(1, 1)).containsExactly(
                new Event(1, 1, 3, T0, "a"), new Event(1, 2, 3, T0, "b"), new Event(1, 3, 3, T0, "c"),
                new Event(2, 1, 1, T0 + 5, "d"),
                new Event(3, 1, 2, T0 + 5, "e"), new Event(3, 2, 2, T0 + 5, "f"));
    }

    @Test
    public void aCursorStartsAtTheSmallestEventIdAtOrAfterItsPosition() throws IOException {
        log.append(records("a", "b", "c"));
        log.append(records("d"));
        log.append(records("e", "f"));
        assertThat(firstFrom(2, 0).text()).isEqualTo("d");
        assertThat(firstFrom(1, 2).text()).isEqualTo("b");
        assertThat(firstFrom(1, 3).text()).isEqualTo("c");
        assertThat(firstFrom(1, 4).text()).isEqualTo("d");
        assertThat(firstFrom(2, 2).text()).isEqualTo("e");
        assertThat(firstFrom(1, Long.MAX_VALUE).text()).isEqualTo("d");
        assertThat(firstFrom(3, 2).text()).isEqualTo("f");
        assertThat(firstFrom(3, 3)).isNull();
        assertThat(readFrom(2, 1)).extracting(Event::text).containsExactly("d", "e", "f");
    }

    @Test
    public void aCursorBeforeTheFirstCommitStartsAtTheFirst() throws IOException {
        log.append(records("a", "b"));
        assertThat(firstFrom(0, 0)).isEqualTo(new Event(1, 1, 2, T0, "a"));
        assertThat(firstFrom(-5, 7)).isEqualTo(new Event(1, 1, 2, T0, "a"));
    }

    @Test
    public void aCursorAfterTheLastCommitWaitsForItsPosition() throws IOException {
        log.append(records("a"));
        try (LogCursor cursor = log.cursor(3, 2)) {
            assertThat(cursor.next()).isFalse();
            log.append(records("b"));
            assertThat(cursor.next()).isFalse();
            log.append(records("c", "d", "e"));
            assertThat(cursor.next()).isTrue();
            assertThat(List.of(cursor.commitNum(), (long) cursor.opNum(), (long) cursor.recordCount()))
                    .containsExactly(3L, 2L, 3L);
            assertThat(text(cursor.record())).isEqualTo("d");
            assertThat(drain(cursor)).extracting(Event::text).containsExactly("e");
        }
    }

    @Test
    public void aCursorSeesCommitsAppendedAfterItReachedTheEnd() throws IOException {
        log.append(records("a"));
        try (LogCursor cursor = log.cursor(0, 0)) {
            assertThat(drain(cursor)).extracting(Event::text).containsExactly("a");
            assertThat(cursor.next()).isFalse();
            log.append(records("b", "c"));
            assertThat(drain(cursor)).extracting(Event::text).containsExactly("b", "c");
            for (int i = 0; i < 12; i++) {
                log.append(page("q" + i));
            }
            assertThat(drain(cursor)).extracting(Event::commitNum)
                    .containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L);
        }
    }

    @Test
    public void aCursorOnAnEmptyLogSeesTheFirstCommit() throws IOException {
        try (LogCursor cursor = log.cursor(0, 0)) {
            assertThat(cursor.next()).isFalse();
            log.append(records("a"));
            assertThat(drain(cursor)).containsExactly(new Event(1, 1, 1, T0, "a"));
        }
    }

    @Test
    public void recordsAreReadOnlyViewsOfExactlyTheirBytes() throws IOException {
        log.append(records("hello", "", "x"));
        try (LogCursor cursor = log.cursor(1, 1)) {
            assertThat(cursor.next()).isTrue();
            assertThat(cursor.record().isReadOnly()).isTrue();
            assertThat(cursor.record().remaining()).isEqualTo(5);
            assertThat(cursor.record().position()).isZero();
            assertThat(cursor.record().get(0)).isEqualTo((byte) 'h');
            assertThat(cursor.record().get(4)).isEqualTo((byte) 'o');
            assertThat(cursor.next()).isTrue();
            assertThat(cursor.record().remaining()).isZero();
            assertThat(cursor.next()).isTrue();
            assertThat(text(cursor.record())).isEqualTo("x");
        }
    }

    @Test
    public void emptySmallAndLargeRecordsRoundTrip() throws IOException {
        Random random = new Random(7);
        byte[] large = new byte[300 * 1024];
        random.nextBytes(large);
        byte[] larger = new byte[700 * 1024];
        random.nextBytes(larger);
        List<byte[]> first = List.of(new byte[0], new byte[] {42}, large, new byte[0]);
        List<byte[]> second = List.of(larger);
        List<byte[]> third = records("tail");
        log.append(first);
        log.append(second);
        log.append(third);
        List<byte[]> expected = new ArrayList<>(first);
        expected.addAll(second);
        expected.addAll(third);
        List<byte[]> read = new ArrayList<>();
        try (LogCursor cursor = log.cursor(1, 1)) {
            while (cursor.next()) {
                byte[] bytes = new byte[cursor.record().remaining()];
                cursor.record().duplicate().get(bytes);
                read.add(bytes);
            }
        }
        assertThat(read).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(read.get(i)).as("record %d", i).isEqualTo(expected.get(i));
        }
        assertThat(firstFrom(1, 4).text()).isEmpty();
        assertThat(firstFrom(2, 1).recordCount()).isEqualTo(1);
    }

    @Test
    public void lastCommitBeforeFindsTheNewestCommitStrictlyEarlier() throws IOException {
        clock.set(T0);
        log.append(records("a"));
        clock.set(T0 + 10);
        log.append(records("b"));
        log.append(records("c", "d"));
        clock.set(T0 + 20);
        log.append(records("e"));
        assertThat(log.lastCommitBefore(T0)).isEmpty();
        assertThat(log.lastCommitBefore(T0 + 1)).contains(new CommitInfo(1, T0, 1));
        assertThat(log.lastCommitBefore(T0 + 10)).contains(new CommitInfo(1, T0, 1));
        assertThat(log.lastCommitBefore(T0 + 11)).contains(new CommitInfo(3, T0 + 10, 2));
        assertThat(log.lastCommitBefore(T0 + 20)).contains(new CommitInfo(3, T0 + 10, 2));
        assertThat(log.lastCommitBefore(Long.MAX_VALUE)).contains(new CommitInfo(4, T0 + 20, 1));
    }

    @Test
    public void lastCommitBeforeSearchesAcrossSegments() throws IOException {
        for (int i = 0; i < 60; i++) {
            clock.set(T0 + 10L * i);
            log.append(page("c" + i));
        }
        for (int i = 0; i < 60; i++) {
            assertThat(log.lastCommitBefore(T0 + 10L * i + 5)).as("before commit %d + 5 ms", i + 1)
                    .contains(new CommitInfo(i + 1, T0 + 10L * i, 1));
            assertThat(log.lastCommitBefore(T0 + 10L * i)).as("before commit %d", i + 1)
                    .isEqualTo(i == 0 ? Optional.empty() : Optional.of(new CommitInfo(i, T0 + 10L * (i - 1), 1)));
        }
    }

    @Test
    public void cursorsFindEveryPositionAcrossSegments() throws IOException {
        for (int i = 1; i <= 40; i++) {
            log.append(i % 3 == 0 ? records("x" + i, "y" + i) : page("c" + i));
        }
        for (int c = 1; c <= 40; c++) {
            Event event = firstFrom(c, 1);
            assertThat(event.commitNum()).isEqualTo(c);
            assertThat(event.text()).startsWith(c % 3 == 0 ? "x" + c : "c" + c);
            if (c % 3 == 0) {
                assertThat(firstFrom(c, 2).text()).isEqualTo("y" + c);
            }
        }
        List<Event> tail = readFrom(17, 1);
        assertThat(tail).hasSize(24 + 8);
        assertThat(tail.get(0).commitNum()).isEqualTo(17);
        assertThat(tail.get(tail.size() - 1)).isEqualTo(new Event(40, 1, 1, T0, "c40" + ".".repeat(PAGE - 3)));
    }

    @Test
    public void retentionNeedsASnapshotCoveringTheSegment() throws IOException {
        appendPages(10, T0);
        assertThat(log.applyRetention(T0 + 1)).isEqualTo(new RetentionReport(0, 0, null));
        log.registerSnapshot(3);
        assertThat(log.applyRetention(T0 + 1)).isEqualTo(new RetentionReport(0, 0, null));
        assertThat(log.firstCommit()).contains(new CommitInfo(1, T0, 1));

        log.registerSnapshot(4);
        assertThat(log.snapshotCommitNum()).isEqualTo(OptionalLong.of(4));
        CommitInfo fourth = new CommitInfo(4, T0, 1);
        assertThat(log.applyRetention(T0 + 1)).isEqualTo(new RetentionReport(1, FULL_SEGMENT_BYTES, fourth));
        assertThat(log.lastDeleted()).contains(fourth);
        assertThat(log.firstCommit()).contains(new CommitInfo(5, T0, 1));
        assertThat(log.lastCommit()).contains(new CommitInfo(10, T0, 1));
        assertThat(firstFrom(1, 1).commitNum()).isEqualTo(5);
        assertThat(log.applyRetention(T0 + 1)).isEqualTo(new RetentionReport(0, 0, fourth));
    }

    @Test
    public void retentionDeletesOnlySegmentsWhoseEveryCommitExpired() throws IOException {
        appendPages(4, T0);
        appendPages(3, T0 + 1000);
        appendPages(1, T0 + 1500);
        appendPages(1, T0 + 2000);
        log.registerSnapshot(9);
        assertThat(log.applyRetention(T0).segmentsDeleted()).isZero();
        assertThat(log.applyRetention(T0 + 1).segmentsDeleted()).isEqualTo(1);
        assertThat(log.applyRetention(T0 + 1500).segmentsDeleted()).isZero();
        assertThat(log.applyRetention(T0 + 1501))
                .isEqualTo(new RetentionReport(1, FULL_SEGMENT_BYTES, new CommitInfo(8, T0 + 1500, 1)));
        assertThat(log.applyRetention(Long.MAX_VALUE).segmentsDeleted()).isZero();
        assertThat(log.firstCommit()).contains(new CommitInfo(9, T0 + 2000, 1));
        assertThat(log.lastCommit()).contains(new CommitInfo(9, T0 + 2000, 1));
        assertThat(log.lastCommitBefore(T0 + 2000)).isEmpty();
        assertThat(readFrom(0, 0)).extracting(Event::commitNum).containsExactly(9L);
    }

    @Test
    public void retentionNeverDeletesTheSegmentBeingAppendedTo() throws IOException {
        appendPages(4, T0);
        log.registerSnapshot(4);
        assertThat(log.applyRetention(Long.MAX_VALUE).segmentsDeleted()).isZero();
        appendPages(1, T0);
        log.registerSnapshot(5);
        assertThat(log.applyRetention(Long.MAX_VALUE))
                .isEqualTo(new RetentionReport(1, FULL_SEGMENT_BYTES, new CommitInfo(4, T0, 1)));
        assertThat(log.firstCommit()).contains(new CommitInfo(5, T0, 1));
        assertThat(log.append(page("next")).commitNum()).isEqualTo(6);
    }

    @Test
    public void retentionDeletesSeveralSegmentsInOnePass() throws IOException {
        appendPages(13, T0);
        log.registerSnapshot(13);
        assertThat(log.applyRetention(T0 + 1))
                .isEqualTo(new RetentionReport(3, 3 * FULL_SEGMENT_BYTES, new CommitInfo(12, T0, 1)));
        assertThat(readFrom(0, 0)).extracting(Event::commitNum).containsExactly(13L);
    }

    @Test
    public void snapshotMustCoverAKnownCommit() throws IOException {
        assertThatThrownBy(() -> log.registerSnapshot(1)).isInstanceOf(IllegalArgumentException.class);
        log.registerSnapshot(0);
        assertThat(log.snapshotCommitNum()).isEqualTo(OptionalLong.of(0));
        log.append(records("a"));
        assertThatThrownBy(() -> log.registerSnapshot(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.registerSnapshot(2)).isInstanceOf(IllegalArgumentException.class);
        log.registerSnapshot(1);
        assertThat(log.snapshotCommitNum()).isEqualTo(OptionalLong.of(1));
    }

    @Test
    public void resetEmptiesTheLogAndRestartsNumberingAtOne() throws IOException {
        appendPages(9, T0 + 500);
        log.registerSnapshot(9);
        log.applyRetention(Long.MAX_VALUE);
        assertThat(log.lastDeleted()).isPresent();

        log.reset();
        assertThat(log.lastCommit()).isEmpty();
        assertThat(log.firstCommit()).isEmpty();
        assertThat(log.lastDeleted()).isEmpty();
        assertThat(log.snapshotCommitNum()).isEmpty();
        assertThat(readFrom(0, 0)).isEmpty();

        clock.set(T0);
        assertThat(log.append(records("fresh"))).isEqualTo(new CommitInfo(1, T0, 1));
        assertThat(readFrom(0, 0)).containsExactly(new Event(1, 1, 1, T0, "fresh"));
    }

    @Test
    public void aCursorOpenedBeforeAResetFailsAfterIt() throws IOException {
        log.append(records("a"));
        try (LogCursor cursor = log.cursor(0, 0)) {
            assertThat(drain(cursor)).hasSize(1);
            log.reset();
            log.append(records("b"));
            log.append(records("c"));
            assertThatThrownBy(cursor::next).isInstanceOf(SegmentDeletedException.class);
        }
    }

    @Test
    public void appendsAfterCloseFail() throws IOException {
        log.append(records("a"));
        log.close();
        assertThatThrownBy(() -> log.append(records("b"))).isInstanceOf(IOException.class);
    }

    @Test
    public void concurrentAppendersGetDenseNumbersInTheirOwnOrderAndReadersSeeWholeCommits() throws Exception {
        int threads = 8;
        int perThread = 150;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            Future<Long> reader = pool.submit(() -> readWholeCommitsWhile(writing));
            List<Future<List<CommitInfo>>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    start.await();
                    List<CommitInfo> mine = new ArrayList<>();
                    for (int seq = 0; seq < perThread; seq++) {
                        mine.add(log.append(threadCommit(thread, seq)));
                    }
                    return mine;
                }));
            }
            start.countDown();
            Map<Long, List<String>> expected = new HashMap<>();
            for (int t = 0; t < threads; t++) {
                List<CommitInfo> mine = writers.get(t).get(60, TimeUnit.SECONDS);
                assertThat(mine).extracting(CommitInfo::commitNum).isSorted().doesNotHaveDuplicates();
                for (int seq = 0; seq < perThread; seq++) {
                    List<String> texts = new ArrayList<>();
                    threadCommit(t, seq).forEach(r -> texts.add(new String(r, StandardCharsets.UTF_8)));
                    expected.put(mine.get(seq).commitNum(), texts);
                }
            }
            writing.set(false);
            assertThat(reader.get(60, TimeUnit.SECONDS)).isEqualTo((long) threads * perThread);
            assertThat(expected.keySet()).hasSize(threads * perThread);
            assertThat(expected.keySet()).allMatch(c -> c >= 1 && c <= threads * perThread);

            Map<Long, List<String>> read = new HashMap<>();
            for (Event event : readFrom(0, 0)) {
                read.computeIfAbsent(event.commitNum(), c -> new ArrayList<>()).add(event.text());
            }
            assertThat(read).isEqualTo(expected);
            assertThat(log.lastCommit().orElseThrow().commitNum()).isEqualTo(threads * perThread);
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
    }

    private static List<byte[]> threadCommit(int thread, int seq) {
        int count = 1 + (thread + seq) % 3;
        String[] texts = new String[count];
        for (int i = 0; i < count; i++) {
            texts[i] = "t" + thread + "/s" + seq + "/r" + i + "/" + "x".repeat((seq * 37 + i * 11) % 200);
        }
        return records(texts);
    }

    /** Follows the log while it is written; every commit it sees must be whole. Returns the commits seen. */
    private long readWholeCommitsWhile(AtomicBoolean writing) throws IOException {
        long commits = 0;
        long expectedCommit = 1;
        try (LogCursor cursor = log.cursor(0, 0)) {
            while (true) {
                boolean more = writing.get();
                while (cursor.next()) {
                    assertThat(cursor.commitNum()).isEqualTo(expectedCommit);
                    assertThat(cursor.opNum()).isEqualTo(1);
                    for (int op = 2; op <= cursor.recordCount(); op++) {
                        assertThat(cursor.next()).as("the rest of commit %d", expectedCommit).isTrue();
                        assertThat(cursor.opNum()).isEqualTo(op);
                    }
                    expectedCommit++;
                    commits++;
                }
                if (!more) {
                    return commits;
                }
                Thread.onSpinWait();
            }
        }
    }
}
