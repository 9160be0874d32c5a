package dev.nereid.bench.cypher;

import dev.nereid.bench.Latencies;

/**
 * One timed run of {@code clients} closed-loop clients sending one variant.
 *
 * @param writes    acknowledged writes, each one node in its own transaction
 * @param nanos     from the moment the clients were released until the last one had its last answer
 * @param cpuNanos  CPU time the server's JVM used meanwhile, all its threads; -1 if unknown
 */
record Round(Variant variant, int clients, long writes, long nanos, Latencies latencies, long cpuNanos) {

    double writesPerSecond() {
        return writes / (nanos / 1e9);
    }

    /** Server CPU per write in microseconds: on a 2-core machine shared with the clients, what bounds throughput. */
    double cpuMicrosPerWrite() {
        return cpuNanos < 0 ? Double.NaN : cpuNanos / 1e3 / writes;
    }
}
