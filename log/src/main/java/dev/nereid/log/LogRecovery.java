package dev.nereid.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a log directory back to a valid state after any stop, clean or not. The log is the truth;
 * indexes are rebuilt from it.
 */
final class LogRecovery {

    /** The segments that survived, in order, and what it took. */
    record Outcome(List<Segment> segments, long bytesDropped, int segmentsDeleted, int segmentsTruncated,
                   long firstFileBase) {
    }

    /** One segment as scanned: its valid frames, where they end, and what stopped the scan. */
    private record Scan(boolean headerValid, long validEnd, SegmentIndex index, CommitInfo first, CommitInfo last,
                        String problem) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(LogRecovery.class);

    private LogRecovery() {
    }

    /**
     * Scans every segment in order, checking every frame. At the first invalid one (torn or
     * zero-filled tail, bad CRC, wrong commitNum, decreasing timestamp, bad segment header, or a
     * segment that does not start where the previous one ended) the segment is truncated there and
     * every later segment deleted: what follows a damaged frame cannot be trusted to be dense.
     */
    static Outcome recover(LogDirectory directory) throws IOException {
        List<Path> files = directory.segmentFiles();
        List<Segment> kept = new ArrayList<>();
        long bytesDropped = 0;
        int deleted = 0;
        int truncated = 0;
        long expectedBase = -1;
        long lastTimestamp = Long.MIN_VALUE;
        boolean damaged = false;

        for (Path file : files) {
            long base = base(file);
            long size = Files.size(file);
            if (!damaged && expectedBase != -1 && base != expectedBase) {
                LOG.warn("Segment {} starts at commit {} where {} was expected", file, base, expectedBase);
                damaged = true;
            }
            Scan scan = damaged ? null : scan(file, base, size, lastTimestamp);
            if (scan != null && !scan.headerValid()) {
                LOG.warn("Segment {}: {}; deleting it and every later segment", file, scan.problem());
                damaged = true;
            }
            if (damaged) {
                Files.delete(file);
                bytesDropped += size;
                deleted++;
                continue;
            }
            if (scan.validEnd() < size) {
                LOG.warn("Segment {}: {} at byte {}; truncating {} bytes and deleting every later segment",
                        file, scan.problem(), scan.validEnd(), size - scan.validEnd());
                truncate(file, scan.validEnd());
                bytesDropped += size - scan.validEnd();
                truncated++;
                damaged = true;
            }
            kept.add(Segment.recovered(file, base, scan.validEnd(), scan.index(), scan.first(), scan.last()));
            expectedBase = scan.last() == null ? base : scan.last().commitNum() + 1;
            lastTimestamp = scan.last() == null ? lastTimestamp : scan.last().commitTimestamp();
        }
        if (deleted > 0) {
            directory.fsync();
        }
        for (int i = 1; i < kept.size(); i++) {
            kept.get(i - 1).linkSuccessor(kept.get(i));
        }
        return new Outcome(kept, bytesDropped, deleted, truncated, files.isEmpty() ? -1 : base(files.get(0)));
    }

    private static Scan scan(Path file, long base, long size, long minTimestamp) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FrameReader reader = new FrameReader(channel, size);
            if (!reader.readSegmentHeader()) {
                return new Scan(false, 0, null, null, null, reader.problem());
            }
            SegmentIndex index = new SegmentIndex();
            CommitInfo first = null;
            CommitInfo last = null;
            long timestamp = minTimestamp;
            FrameReader.Frame frame;
            while ((frame = reader.next(last == null ? base : last.commitNum() + 1, timestamp)) != null) {
                CommitInfo commit = frame.commit();
                index.onFrame(commit.commitNum(), frame.position(), commit.commitTimestamp());
                first = first == null ? commit : first;
                last = commit;
                timestamp = commit.commitTimestamp();
            }
            return new Scan(true, reader.position(), index, first, last, reader.problem());
        }
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
            channel.force(true);
        }
    }

    private static long base(Path file) {
        return Segment.parseBase(file.getFileName().toString());
    }

    /**
     * Deletes what a retention pass had recorded as deleted but not yet removed when it stopped: a
     * segment ends where the next one starts, so file names alone tell which are covered. Runs
     * before {@link #recover}, which would take the gap they leave for damage.
     */
    static void finishInterruptedRetention(LogDirectory directory, CommitInfo lastDeleted) throws IOException {
        if (lastDeleted == null) {
            return;
        }
        List<Path> files = directory.segmentFiles();
        int covered = 0;
        while (covered < files.size() - 1 && base(files.get(covered + 1)) - 1 <= lastDeleted.commitNum()) {
            Files.delete(files.get(covered));
            covered++;
        }
        if (covered > 0) {
            LOG.info("Completed an interrupted retention pass of {} up to commit {}", directory.path(),
                    lastDeleted.commitNum());
            directory.fsync();
        }
    }

    /**
     * Commits before the first segment are gone, so the newest deleted one is at least its base - 1.
     * If the bookkeeping lost it (a damaged file), it is rebuilt with the first kept commit's
     * timestamp as a bound and {@link Integer#MAX_VALUE} records, so every event id of it counts
     * as deleted. Returns the newest deleted commit to use.
     */
    static CommitInfo reconcileLastDeleted(LogDirectory directory, LogBookkeeping bookkeeping, CommitInfo lastDeleted,
                                           Segment first) throws IOException {
        long known = lastDeleted == null ? 0 : lastDeleted.commitNum();
        if (first.base() - 1 <= known) {
            return lastDeleted;
        }
        CommitInfo firstKept = first.firstCommit();
        long timestamp = firstKept != null ? firstKept.commitTimestamp()
                : lastDeleted != null ? lastDeleted.commitTimestamp() : 0;
        CommitInfo rebuilt = new CommitInfo(first.base() - 1, timestamp, Integer.MAX_VALUE);
        LOG.warn("{} starts at commit {} but records deletions only up to {}; recording {} as deleted",
                directory.path(), first.base(), known, rebuilt.commitNum());
        bookkeeping.writeLastDeleted(rebuilt);
        return rebuilt;
    }
}
