package dev.nereid.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random sequences of every operation, checked step by step against a deliberately naive
 * model: a list of commits and a list of segment sizes. Records range from empty to larger than a
 * file cursor's buffer; the file log is also reopened at random.
 */
class ChangeLogOracleTest {

    private static final long T0 = 1_767_225_600_000L;
    private static final int STEPS = 400;

    @TempDir
    Path temp;

    /** One event as the model expects it or a cursor returned it. */
    private record Event(long commitNum, int opNum, int recordCount, long commitTimestamp, String bytes) {
    }

    /** The model: what the log must hold, computed the simplest way. */
    private static final class Model {
        record Commit(CommitInfo info, List<byte[]> records) {
        }

        record Segment(long base, long bytes, CommitInfo last) {
        }

        final long segmentBytes;
        final List<Commit> stored = new ArrayList<>();
        final List<Segment> segments = new ArrayList<>(List.of(new Segment(1, 8, null)));
        long nextCommitNum = 1;
        long lastTimestamp = Long.MIN_VALUE;
        CommitInfo lastDeleted;
        long snapshot = -1;

        Model(long segmentBytes) {
            this.segmentBytes = segmentBytes;
        }

        CommitInfo append(List<byte[]> records, long clockMillis) {
            CommitInfo info = new CommitInfo(nextCommitNum++, Math.max(clockMillis, lastTimestamp), records.size());
            lastTimestamp = info.commitTimestamp();
            stored.add(new Commit(info, records));
            long frame = 28 + records.stream().mapToLong(r -> 4 + r.length).sum();
            Segment active = segments.get(segments.size() - 1);
            if (active.bytes() >= segmentBytes) {
                segments.add(new Segment(info.commitNum(), 8 + frame, info));
            } else {
                segments.set(segments.size() - 1, new Segment(active.base(), active.bytes() + frame, info));
            }
            return info;
        }

        Optional<CommitInfo> last() {
            return stored.isEmpty() ? Optional.empty() : Optional.of(stored.get(stored.size() - 1).info());
        }

        Optional<CommitInfo> first() {
            return stored.isEmpty() ? Optional.empty() : Optional.of(stored.get(0).info());
        }

        Optional<CommitInfo> lastBefore(long timestamp) {
            CommitInfo found = null;
            for (Commit commit : stored) {
                if (commit.info().commitTimestamp() < timestamp) {
                    found = commit.info();
                }
            }
            return Optional.ofNullable(found);
        }

        List<Event> eventsFrom(long commitNum, long opNum, int max) {
            List<Event> events = new ArrayList<>();
            for (Commit commit : stored) {
                for (int op = 1; op <= commit.records().size(); op++) {
                    long c = commit.info().commitNum();
                    boolean atOrAfter = c > commitNum || (c == commitNum && op >= opNum)
                            || c < commitNum && commitNum < stored.get(0).info().commitNum();
                    if (atOrAfter && events.size() < max) {
                        events.add(new Event(c, op, commit.records().size(), commit.info().commitTimestamp(),
                                Arrays.toString(commit.records().get(op - 1))));
                    }
                }
            }
            return events;
        }

        RetentionReport retain(long expireBefore) {
            int expired = 0;
            long bytes = 0;
            while (expired < segments.size() - 1) {
                CommitInfo last = segments.get(expired).last();
                if (last.commitTimestamp() >= expireBefore || last.commitNum() > snapshot) {
                    break;
                }
                bytes += segments.get(expired).bytes();
                expired++;
            }
            if (expired > 0) {
                lastDeleted = segments.get(expired - 1).last();
                segments.subList(0, expired).clear();
                stored.removeIf(c -> c.info().commitNum() <= lastDeleted.commitNum());
            }
            return new RetentionReport(expired, bytes, lastDeleted);
        }

        void reset() {
            stored.clear();
            segments.clear();
            segments.add(new Segment(1, 8, null));
            nextCommitNum = 1;
            lastTimestamp = Long.MIN_VALUE;
            lastDeleted = null;
            snapshot = -1;
        }
    }

    /** How often the random runs reached the interesting cases, so a dull seed cannot pass silently. */
    private static final class Tally {
        int segmentsDeleted;
        int resets;
        int reopens;
        int largeRecords;
        int nonEmptyCursorReads;
    }

    private interface Opener {
        ChangeLog open(LogConfig config, boolean fresh) throws IOException;
    }

    @Test
    void fileLogMatchesTheModel() throws IOException {
        Tally tally = new Tally();
        for (int seed = 1; seed <= 6; seed++) {
            Path dir = temp.resolve("log" + seed);
            run(seed, (config, fresh) -> FileChangeLog.open(dir, config), true, tally);
        }
        assertThat(tally.reopens).isGreaterThan(10);
        assertCoverage(tally);
    }

    @Test
    void memoryLogMatchesTheModel() throws IOException {
        Tally tally = new Tally();
        for (int seed = 1; seed <= 6; seed++) {
            run(seed, (config, fresh) -> new MemoryChangeLog(config), false, tally);
        }
        assertCoverage(tally);
    }

    private static void assertCoverage(Tally tally) {
        assertThat(tally.segmentsDeleted).isGreaterThan(20);
        assertThat(tally.resets).isGreaterThan(5);
        assertThat(tally.largeRecords).isGreaterThan(5);
        assertThat(tally.nonEmptyCursorReads).isGreaterThan(100);
    }

    private void run(long seed, Opener opener, boolean canReopen, Tally tally) throws IOException {
        Random random = new Random(seed);
        MutableClock clock = new MutableClock(T0);
        LogConfig config = new LogConfig(4096, seed % 2 == 0 ? Durability.FSYNC : Durability.NONE, clock);
        Model model = new Model(config.segmentBytes());
        ChangeLog log = opener.open(config, true);
        LogCursor follower = log.cursor(0, 0);
        Event lastFollowed = null;
        try {
            for (int step = 0; step < STEPS; step++) {
                String at = "seed " + seed + " step " + step;
                clock.advance(random.nextInt(10) == 0 ? -random.nextInt(100) : random.nextInt(30));
                int dice = random.nextInt(1000);
                if (dice < 550) {
                    List<byte[]> records = randomRecords(random);
                    tally.largeRecords += (int) records.stream().filter(r -> r.length > FileLogCursor.BUFFER_BYTES).count();
                    CommitInfo expected = model.append(records, clock.millis());
                    assertThat(log.append(records)).as(at).isEqualTo(expected);
                } else if (dice < 700) {
                    long commitNum = random.nextInt((int) model.nextCommitNum + 3) - 1;
                    long opNum = random.nextInt(10) == 0 ? Long.MAX_VALUE : random.nextInt(6);
                    try (LogCursor cursor = log.cursor(commitNum, opNum)) {
                        List<Event> events = read(cursor, 40);
                        assertThat(events).as(at + " cursor (%d,%d)", commitNum, opNum)
                                .isEqualTo(model.eventsFrom(commitNum, opNum, 40));
                        tally.nonEmptyCursorReads += events.isEmpty() ? 0 : 1;
                    }
                } else if (dice < 780) {
                    long timestamp = clock.millis() - 50 + random.nextInt(100);
                    if (random.nextBoolean() && !model.stored.isEmpty()) {
                        timestamp = model.stored.get(random.nextInt(model.stored.size())).info().commitTimestamp()
                                + random.nextInt(2);
                    }
                    assertThat(log.lastCommitBefore(timestamp)).as(at).isEqualTo(model.lastBefore(timestamp));
                } else if (dice < 850) {
                    long newest = model.nextCommitNum - 1;
                    long snapshot = newest - random.nextInt((int) Math.min(newest, 20) + 1);
                    log.registerSnapshot(snapshot);
                    model.snapshot = snapshot;
                    ChangeLog current = log;
                    assertThatThrownBy(() -> current.registerSnapshot(newest + 1)).isInstanceOf(
                            IllegalArgumentException.class);
                } else if (dice < 950) {
                    long expire = clock.millis() - random.nextInt(300);
                    RetentionReport report = log.applyRetention(expire);
                    assertThat(report).as(at).isEqualTo(model.retain(expire));
                    tally.segmentsDeleted += report.segmentsDeleted();
                } else if (dice < 985) {
                    if (canReopen) {
                        follower.close();
                        log.close();
                        log = opener.open(config, false);
                        tally.reopens++;
                        follower = log.cursor(lastFollowed == null ? 0 : lastFollowed.commitNum(),
                                lastFollowed == null ? 0 : lastFollowed.opNum() + 1L);
                    }
                } else {
                    log.reset();
                    model.reset();
                    tally.resets++;
                    LogCursor stale = follower;
                    log.append(List.of(new byte[] {1}));
                    model.append(List.of(new byte[] {1}), clock.millis());
                    assertThatThrownBy(() -> read(stale, 1)).isInstanceOf(SegmentDeletedException.class);
                    stale.close();
                    follower = log.cursor(0, 0);
                    lastFollowed = null;
                }
                lastFollowed = follow(follower, lastFollowed, model, at);
                assertThat(log.lastCommit()).as(at).isEqualTo(model.last());
                assertThat(log.firstCommit()).as(at).isEqualTo(model.first());
                assertThat(log.lastDeleted()).as(at).isEqualTo(Optional.ofNullable(model.lastDeleted));
                assertThat(log.snapshotCommitNum()).as(at).isEqualTo(
                        model.snapshot < 0 ? OptionalLong.empty() : OptionalLong.of(model.snapshot));
            }
            assertThat(read(log.cursor(0, 0), Integer.MAX_VALUE)).isEqualTo(model.eventsFrom(0, 0, Integer.MAX_VALUE));
        } finally {
            follower.close();
            log.close();
        }
    }

    /** The follower drains what was appended since it last caught up; it must continue exactly. */
    private static Event follow(LogCursor follower, Event last, Model model, String at) throws IOException {
        List<Event> seen = read(follower, Integer.MAX_VALUE);
        long fromCommit = last == null ? 0 : last.commitNum();
        long fromOp = last == null ? 0 : last.opNum() + 1L;
        assertThat(seen).as(at + " follower").isEqualTo(model.eventsFrom(fromCommit, fromOp, Integer.MAX_VALUE));
        return seen.isEmpty() ? last : seen.get(seen.size() - 1);
    }

    private static List<Event> read(LogCursor cursor, int max) throws IOException {
        List<Event> events = new ArrayList<>();
        while (events.size() < max && cursor.next()) {
            ByteBuffer record = cursor.record();
            byte[] bytes = new byte[record.remaining()];
            record.duplicate().get(bytes);
            events.add(new Event(cursor.commitNum(), cursor.opNum(), cursor.recordCount(), cursor.commitTimestamp(),
                    Arrays.toString(bytes)));
        }
        return events;
    }

    private static List<byte[]> randomRecords(Random random) {
        int count = 1 + random.nextInt(random.nextInt(8) == 0 ? 12 : 3);
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int dice = random.nextInt(100);
            int size = dice < 10 ? 0 : dice < 99 ? random.nextInt(300) : FileLogCursor.BUFFER_BYTES + random.nextInt(5000);
            byte[] record = new byte[size];
            random.nextBytes(record);
            records.add(record);
        }
        return records;
    }
}
