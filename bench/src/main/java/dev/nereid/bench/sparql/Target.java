package dev.nereid.bench.sparql;

import dev.nereid.bench.gremlin.ChildServer;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server under load and its clients: as many as the largest client count, opened once and kept for the
 * whole run (a 1-client round uses the first). {@code ids} numbers its updates' subjects; {@code acknowledged}
 * and {@code failures} count every update it answered, warm-up included, for the final checks; {@code commits}
 * holds the commitNums Nereid answered.
 */
record Target(SparqlServer server, ChildServer child, List<SparqlClient> clients, AtomicLong ids,
              AtomicLong acknowledged, AtomicLong failures, CommitNumbers commits) {

    List<SparqlClient> first(int count) {
        return clients.subList(0, count);
    }

    /** Counts a round's answers toward the final checks. */
    void tally(Round round) {
        acknowledged.addAndGet(round.updates());
        failures.addAndGet(round.failures());
    }
}
