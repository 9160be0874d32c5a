package dev.nereid.bench.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Element ids for the corpus: fresh ones for creates, and recently created ones for updates, edges and
 * drops. Fresh ids carry a random tag, so a mutation of one request can never take the id a later valid
 * create needs (which would turn a valid request into a legitimate refusal).
 */
public final class IdPool {
    private static final int KEPT = 64;
    private final List<String> recent = new ArrayList<>();
    private long next;

    public synchronized String fresh(Random random) {
        String id = "fz" + next++ + "-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        recent.add(id);
        if (recent.size() > KEPT) {
            recent.remove(0);
        }
        return id;
    }

    /** An id created earlier (it may have been dropped since), or a fresh one if none was. */
    public synchronized String known(Random random) {
        return recent.isEmpty() ? "fz-none" : recent.get(random.nextInt(recent.size()));
    }
}
