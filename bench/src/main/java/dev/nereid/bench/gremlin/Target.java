package dev.nereid.bench.gremlin;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server under load and its clients: as many as the largest client count, opened once and kept
 * for the whole run (a 1-client round uses the first). {@code ids} numbers its vertices;
 * {@code acknowledged} counts every write it acknowledged, warm-up included, for the final check.
 */
record Target(ChildServer server, List<WriteClient> clients, AtomicLong ids, AtomicLong acknowledged) {

    ServerKind kind() {
        return server.kind();
    }

    List<WriteClient> first(int count) {
        return clients.subList(0, count);
    }
}
