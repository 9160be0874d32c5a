package dev.nereid.log;

import java.util.ArrayList;
import java.util.List;

/**
 * The segments of the log in commit order, immutable: the log replaces the whole list when it
 * rolls, deletes or resets, so readers search a consistent one without locks. The last segment is
 * the one being appended to.
 */
record SegmentList(List<Segment> segments) {

    SegmentList {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a log has at least one segment");
        }
    }

    SegmentList with(Segment next) {
        List<Segment> grown = new ArrayList<>(segments);
        grown.add(next);
        return new SegmentList(grown);
    }

    SegmentList withoutFirst(int count) {
        return new SegmentList(segments.subList(count, segments.size()));
    }

    int size() {
        return segments.size();
    }

    Segment get(int index) {
        return segments.get(index);
    }

    Segment active() {
        return segments.get(segments.size() - 1);
    }

    /** The segment whose range holds {@code commitNum}, or null if it lies before the first. */
    Segment holding(long commitNum) {
        int lo = 0;
        int hi = segments.size() - 1;
        Segment found = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (segments.get(mid).base() <= commitNum) {
                found = segments.get(mid);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /**
     * The last segment whose first commit is at most {@code maxCommitNum} and older than
     * {@code timestampExclusive}, or null. Timestamps never decrease, so this is a binary search.
     */
    Segment lastStartingBefore(long timestampExclusive, long maxCommitNum) {
        int lo = 0;
        int hi = segments.size() - 1;
        Segment found = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            CommitInfo first = segments.get(mid).firstCommit();
            if (first != null && first.commitNum() <= maxCommitNum && first.commitTimestamp() < timestampExclusive) {
                found = segments.get(mid);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** The first commit of the oldest segment holding one, or null. */
    CommitInfo firstStored() {
        for (Segment segment : segments) {
            CommitInfo first = segment.firstCommit();
            if (first != null) {
                return first;
            }
        }
        return null;
    }
}
