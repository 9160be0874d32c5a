package dev.nereid.bench.sparql;

import java.util.BitSet;

/**
 * The commitNums one Nereid server answered, warm-up included. Each update is one transaction, so each
 * must have taken a commitNum no other took, and together they must be 1..n with no gap: a repeated
 * number would be an acknowledgement of someone else's commit, a gap a commit nobody asked for.
 */
final class CommitNumbers {
    private final BitSet seen = new BitSet();
    private long answers;
    private long repeated;

    synchronized void add(long commitNum) {
        answers++;
        if (commitNum < 1 || commitNum > Integer.MAX_VALUE || seen.get((int) commitNum)) {
            repeated++;
            return;
        }
        seen.set((int) commitNum);
    }

    synchronized long answers() {
        return answers;
    }

    /** The answers were exactly 1..{@link #answers()}, each once. */
    synchronized boolean areDense() {
        return repeated == 0 && seen.cardinality() == answers && seen.nextClearBit(1) == answers + 1;
    }

    /** The largest commitNum answered, 0 if none. */
    synchronized long last() {
        return Math.max(0, seen.length() - 1);
    }
}
