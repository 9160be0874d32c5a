package dev.nereid.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Torn and damaged logs: each test damages a copy of a well-known log many times at seeded random
 * places, reopens it, and checks that recovery kept exactly the commits before the damage, dropped
 * exactly the bytes from the damaged frame on, and lets numbering continue densely.
 */
class LogCorruptionTest {

    private static final int COMMITS = 60;
    private static final int ITERATIONS = 40;

    /** Where one frame lies, computed from the records written and the format, not from the code. */
    private record FrameSpan(long commitNum, long start, long end) {
    }

    private record SegmentLayout(Path file, long size, List<FrameSpan> frames) {
    }

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(1_767_225_600_000L);
    private final List<List<byte[]>> written = new ArrayList<>();
    private List<SegmentLayout> layout;
    private Path pristine;
    private int copies;

    private LogConfig config() {
        return new LogConfig(4096, Durability.NONE, clock);
    }

    @BeforeEach
    void writePristineLog() throws IOException {
        pristine = temp.resolve("pristine");
        Random random = new Random(42);
        try (FileChangeLog log = FileChangeLog.open(pristine, config())) {
            for (int c = 1; c <= COMMITS; c++) {
                List<byte[]> records = new ArrayList<>();
                int count = 1 + random.nextInt(4);
                for (int r = 0; r < count; r++) {
                    byte[] record = new byte[random.nextInt(5) == 0 ? 0 : random.nextInt(400)];
                    random.nextBytes(record);
                    records.add(record);
                }
                clock.advance(random.nextInt(20));
                log.append(records);
                written.add(records);
            }
        }
        layout = computeLayout();
        assertThat(layout.size()).isGreaterThanOrEqualTo(5);
    }

    private List<SegmentLayout> computeLayout() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(pristine)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
        }
        List<SegmentLayout> segments = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            long base = Long.parseLong(files.get(i).getFileName().toString().substring(0, 20));
            long end = i + 1 < files.size()
                    ? Long.parseLong(files.get(i + 1).getFileName().toString().substring(0, 20)) : COMMITS + 1;
            List<FrameSpan> frames = new ArrayList<>();
            long position = 8;
            for (long c = base; c < end; c++) {
                long length = 8 + 20;
                for (byte[] record : written.get((int) c - 1)) {
                    length += 4 + record.length;
                }
                frames.add(new FrameSpan(c, position, position + length));
                position += length;
            }
            assertThat(Files.size(files.get(i))).as("size of %s", files.get(i)).isEqualTo(position);
            segments.add(new SegmentLayout(files.get(i).getFileName(), position, frames));
        }
        return segments;
    }

    private Path freshCopy() throws IOException {
        Path copy = temp.resolve("copy" + copies++);
        Files.createDirectories(copy);
        for (SegmentLayout segment : layout) {
            Files.copy(pristine.resolve(segment.file()), copy.resolve(segment.file()));
        }
        return copy;
    }

    private SegmentLayout last() {
        return layout.get(layout.size() - 1);
    }

    /** Reopens a damaged copy and checks what survived; {@code survivors} is the last commit kept. */
    private void assertRecovered(Path dir, long survivors, long bytesDropped) throws IOException {
        try (FileChangeLog log = FileChangeLog.open(dir, config())) {
            assertThat(log.recovery().bytesDropped()).as("bytes dropped").isEqualTo(bytesDropped);
            assertThat(log.recovery().commitsFound()).isEqualTo(survivors);
            assertThat(log.lastCommit().map(CommitInfo::commitNum)).contains(survivors);
            assertThat(readAll(log)).as("commits kept").isEqualTo(expectedRecords(survivors));
            assertThat(log.append(List.of(new byte[] {7, 7})).commitNum()).isEqualTo(survivors + 1);
            try (LogCursor cursor = log.cursor(survivors + 1, 1)) {
                assertThat(cursor.next()).isTrue();
                assertThat(cursor.commitNum()).isEqualTo(survivors + 1);
                assertThat(bytes(cursor.record())).containsExactly(7, 7);
            }
        }
        try (FileChangeLog log = FileChangeLog.open(dir, config())) {
            assertThat(log.recovery().clean()).as("a second open finds nothing to repair").isTrue();
            assertThat(log.lastCommit().map(CommitInfo::commitNum)).contains(survivors + 1);
        }
    }

    private List<List<String>> expectedRecords(long survivors) {
        List<List<String>> expected = new ArrayList<>();
        for (int c = 0; c < survivors; c++) {
            expected.add(written.get(c).stream().map(Arrays::toString).toList());
        }
        return expected;
    }

    private static List<List<String>> readAll(ChangeLog log) throws IOException {
        List<List<String>> commits = new ArrayList<>();
        long expectedCommit = 1;
        try (LogCursor cursor = log.cursor(0, 0)) {
            while (cursor.next()) {
                if (cursor.opNum() == 1) {
                    assertThat(cursor.commitNum()).isEqualTo(expectedCommit++);
                    commits.add(new ArrayList<>());
                }
                commits.get(commits.size() - 1).add(Arrays.toString(bytes(cursor.record())));
            }
        }
        return commits;
    }

    private static byte[] bytes(ByteBuffer record) {
        byte[] bytes = new byte[record.remaining()];
        record.duplicate().get(bytes);
        return bytes;
    }

    private static FrameSpan oneOfTheLastFrames(SegmentLayout segment, Random random) {
        List<FrameSpan> frames = segment.frames();
        return frames.get(frames.size() - 1 - random.nextInt(Math.min(3, frames.size())));
    }

    @Test
    void aTornTailIsCutAtTheLastWholeFrame() throws IOException {
        Random random = new Random(1);
        for (int i = 0; i < ITERATIONS; i++) {
            Path dir = freshCopy();
            FrameSpan frame = oneOfTheLastFrames(last(), random);
            long cut = frame.start() + random.nextInt((int) (frame.end() - frame.start()));
            try (RandomAccessFile file = new RandomAccessFile(dir.resolve(last().file()).toFile(), "rw")) {
                file.setLength(cut);
            }
            assertRecovered(dir, frame.commitNum() - 1, cut - frame.start());
        }
    }

    @Test
    void garbageOrZerosOverTheTailAreCutAtTheFrameTheyHit() throws IOException {
        Random random = new Random(2);
        for (int i = 0; i < ITERATIONS; i++) {
            Path dir = freshCopy();
            FrameSpan frame = oneOfTheLastFrames(last(), random);
            long from = frame.start() + random.nextInt((int) (frame.end() - frame.start()));
            Path file = dir.resolve(last().file());
            byte[] bytes = Files.readAllBytes(file);
            byte original = bytes[(int) from];
            byte[] damage = new byte[bytes.length - (int) from];
            if (i % 2 == 0) {
                random.nextBytes(damage);
            }
            if (damage[0] == original) {
                damage[0] ^= 0x5A;
            }
            System.arraycopy(damage, 0, bytes, (int) from, damage.length);
            Files.write(file, bytes);
            assertRecovered(dir, frame.commitNum() - 1, last().size() - frame.start());
        }
    }

    @Test
    void zerosAppendedToTheLastSegmentAreDropped() throws IOException {
        Random random = new Random(3);
        for (int i = 0; i < ITERATIONS; i++) {
            Path dir = freshCopy();
            int zeros = 1 + random.nextInt(3000);
            try (RandomAccessFile file = new RandomAccessFile(dir.resolve(last().file()).toFile(), "rw")) {
                file.setLength(last().size() + zeros);
            }
            assertRecovered(dir, COMMITS, zeros);
        }
    }

    @Test
    void aFlippedByteInAMiddleFrameDropsEverythingFromThatFrameOn() throws IOException {
        Random random = new Random(4);
        for (int i = 0; i < ITERATIONS; i++) {
            Path dir = freshCopy();
            int segmentIndex = 1 + random.nextInt(layout.size() - 2);
            SegmentLayout segment = layout.get(segmentIndex);
            FrameSpan frame = segment.frames().get(random.nextInt(segment.frames().size()));
            long middle = (frame.start() + frame.end()) / 2;
            flipByte(dir.resolve(segment.file()), middle, 1 << random.nextInt(8));
            long dropped = segment.size() - frame.start() + sizesAfter(segmentIndex);
            assertRecovered(dir, frame.commitNum() - 1, dropped);
        }
    }

    @Test
    void aDamagedSegmentHeaderDropsThatSegmentAndEveryLaterOne() throws IOException {
        Random random = new Random(5);
        for (int i = 0; i < ITERATIONS / 4; i++) {
            Path dir = freshCopy();
            int segmentIndex = 1 + random.nextInt(layout.size() - 1);
            SegmentLayout segment = layout.get(segmentIndex);
            flipByte(dir.resolve(segment.file()), random.nextInt(8), 1 << random.nextInt(8));
            long dropped = segment.size() + sizesAfter(segmentIndex);
            assertRecovered(dir, segment.frames().get(0).commitNum() - 1, dropped);
        }
    }

    @Test
    void aMissingSegmentDropsEveryLaterOne() throws IOException {
        Path dir = freshCopy();
        Files.delete(dir.resolve(layout.get(2).file()));
        assertRecovered(dir, layout.get(2).frames().get(0).commitNum() - 1, sizesAfter(2));
    }

    @Test
    void aWellFormedFrameThatBreaksTheSequenceIsDropped() throws IOException {
        long lastTimestamp;
        try (FileChangeLog log = FileChangeLog.open(pristine, config())) {
            lastTimestamp = log.lastCommit().orElseThrow().commitTimestamp();
        }
        long[][] wrong = {{COMMITS + 2, lastTimestamp}, {COMMITS, lastTimestamp}, {COMMITS + 1, lastTimestamp - 1}};
        for (long[] frame : wrong) {
            Path dir = freshCopy();
            ByteBuffer bytes = FrameWriter.encodeRecords(List.of(new byte[] {1, 2, 3}));
            FrameWriter.seal(bytes, frame[0], frame[1]);
            try (RandomAccessFile file = new RandomAccessFile(dir.resolve(last().file()).toFile(), "rw")) {
                file.seek(last().size());
                file.write(bytes.array());
            }
            assertRecovered(dir, COMMITS, bytes.limit());
        }
    }

    private long sizesAfter(int segmentIndex) {
        return layout.subList(segmentIndex + 1, layout.size()).stream().mapToLong(SegmentLayout::size).sum();
    }

    private static void flipByte(Path file, long position, int mask) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            int value = raf.read();
            raf.seek(position);
            raf.write(value ^ mask);
        }
    }
}
