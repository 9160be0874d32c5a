package dev.nereid.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which the current transaction first wrote each edge's property keys. TinkerGraph keeps
 * an edge's properties in a hash map, so without this a new edge's properties would reach the stream
 * in hash order instead of written order (spec §5.2). Filled by {@link RecordEdgeKeysStep}s that
 * {@link WrittenOrderStrategy} places after edge-writing steps; emptied when the transaction ends.
 */
final class EdgeKeyHints {

    private final ThreadLocal<Map<Object, List<String>>> hints = ThreadLocal.withInitial(HashMap::new);

    void record(Object edgeId, List<String> keys) {
        List<String> known = hints.get().computeIfAbsent(edgeId, id -> new ArrayList<>());
        for (String k : keys) {
            if (!known.contains(k)) {
                known.add(k);
            }
        }
    }

    /** Keys first written in this transaction for the edge, in written order; empty if none. */
    List<String> keysOf(Object edgeId) {
        Map<Object, List<String>> m = hints.get();
        return m.isEmpty() ? List.of() : m.getOrDefault(edgeId, List.of());
    }

    void clear() {
        Map<Object, List<String>> m = hints.get();
        if (!m.isEmpty()) {
            m.clear();
        }
    }
}
