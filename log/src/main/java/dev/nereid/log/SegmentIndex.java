package dev.nereid.log;

import java.util.Arrays;

/**
 * Sparse in-memory index of one segment: the first frame, then one frame roughly every
 * {@link #INTERVAL_BYTES} of log. It is never stored: open() rebuilds it while scanning, the
 * writer extends it. A lookup finds the floor entry, and the caller walks frame headers from there.
 *
 * <p>Entries may describe frames that are written but not yet durable, so every lookup takes the
 * newest commitNum the caller may see.
 */
final class SegmentIndex {

    static final int INTERVAL_BYTES = 4096;

    /** An indexed frame: the commit's number and timestamp and where its frame starts. */
    record Entry(long commitNum, long position, long commitTimestamp) {
    }

    private long[] commitNums = new long[16];
    private long[] positions = new long[16];
    private long[] timestamps = new long[16];
    private int size;

    /** Called for every frame, in order; keeps the ones that start a new interval. */
    synchronized void onFrame(long commitNum, long position, long commitTimestamp) {
        if (size > 0 && position - positions[size - 1] < INTERVAL_BYTES) {
            return;
        }
        if (size == commitNums.length) {
            int grown = size * 2;
            commitNums = Arrays.copyOf(commitNums, grown);
            positions = Arrays.copyOf(positions, grown);
            timestamps = Arrays.copyOf(timestamps, grown);
        }
        commitNums[size] = commitNum;
        positions[size] = position;
        timestamps[size] = commitTimestamp;
        size++;
    }

    /** The entry of the greatest indexed commit {@code <= commitNum}, or null if none. */
    synchronized Entry floor(long commitNum) {
        int i = lastIndexAtOrBelow(commitNums, commitNum);
        return i < 0 ? null : entry(i);
    }

    /**
     * The newest entry whose timestamp is {@code < timestampExclusive} and whose commit is at most
     * {@code maxCommitNum}, or null. Timestamps never decrease, so this is a binary search.
     */
    synchronized Entry lastBefore(long timestampExclusive, long maxCommitNum) {
        int visible = lastIndexAtOrBelow(commitNums, maxCommitNum) + 1;
        int lo = 0;
        int hi = visible - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (timestamps[mid] < timestampExclusive) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? null : entry(found);
    }

    synchronized int size() {
        return size;
    }

    private int lastIndexAtOrBelow(long[] sorted, long key) {
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= key) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private Entry entry(int i) {
        return new Entry(commitNums[i], positions[i], timestamps[i]);
    }
}
