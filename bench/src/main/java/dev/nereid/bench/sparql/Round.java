package dev.nereid.bench.sparql;

import dev.nereid.bench.Latencies;

/**
 * One timed run of {@code clients} closed-loop clients against one server.
 *
 * @param updates       acknowledged updates, each two new triples in a transaction of its own
 * @param failures      updates the server did not acknowledge as written; any one fails the run
 * @param firstFailure  what the first of them was answered, or null
 * @param nanos         from the moment the clients were released until the last one had its last answer
 * @param cpuNanos      CPU time the server's JVM used meanwhile, all its threads; -1 if unknown
 */
record Round(SparqlServer server, int clients, long updates, long failures, String firstFailure, long nanos,
             Latencies latencies, long cpuNanos) {

    double updatesPerSecond() {
        return updates / (nanos / 1e9);
    }

    /** Server CPU per update in microseconds: on a 2-core machine shared with the clients, what bounds throughput. */
    double cpuMicrosPerUpdate() {
        return cpuNanos < 0 || updates == 0 ? Double.NaN : cpuNanos / 1e3 / updates;
    }
}
