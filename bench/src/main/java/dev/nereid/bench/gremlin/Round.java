package dev.nereid.bench.gremlin;

import dev.nereid.bench.Latencies;

/**
 * One timed run of {@code clients} clients against one server.
 *
 * @param writes acknowledged writes, each one vertex in its own transaction
 * @param nanos     from the moment the clients were released until the last one had its last answer
 * @param cpuNanos        CPU time the server's JVM used meanwhile, all its threads; -1 if unknown
 * @param clientCpuNanos  CPU time the driver's JVM (every client) used meanwhile; -1 if unknown
 */
record Round(ServerKind server, int clients, long writes, long nanos, Latencies latencies, long cpuNanos,
             long clientCpuNanos) {

    double writesPerSecond() {
        return writes / (nanos / 1e9);
    }

    /** Server CPU per write in microseconds: on a 2-core machine shared with the clients, what bounds throughput. */
    double cpuMicrosPerWrite() {
        return cpuNanos < 0 ? Double.NaN : cpuNanos / 1e3 / writes;
    }

    /** The clients' CPU per write in microseconds: the same work whatever the server, taken from the same two cores. */
    double clientCpuMicrosPerWrite() {
        return clientCpuNanos < 0 ? Double.NaN : clientCpuNanos / 1e3 / writes;
    }
}
