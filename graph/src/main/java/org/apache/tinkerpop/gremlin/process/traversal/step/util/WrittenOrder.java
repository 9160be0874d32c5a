package org.apache.tinkerpop.gremlin.process.traversal.step.util;

import org.apache.tinkerpop.gremlin.structure.T;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts an add-step's folded properties back in the order they were written. TinkerPop folds
 * {@code addV().property(a).property(b)} into the step's {@link Parameters}, a hash map, so the graph
 * receives them in hash order — but the stream lists added values in written order (spec §5.2). It lives
 * in TinkerPop's package because the map is a protected field.
 */
public final class WrittenOrder {

    private WrittenOrder() {
    }

    /** Reorders {@code parameters}: T keys first, then {@code keys} in order, then anything else. */
    public static void reorder(Parameters parameters, List<Object> keys) {
        Map<Object, List<Object>> old = parameters.parameters;
        if (old.size() < 2) {
            return;
        }
        Map<Object, List<Object>> ordered = new LinkedHashMap<>();
        for (Map.Entry<Object, List<Object>> e : old.entrySet()) {
            if (e.getKey() instanceof T) {
                ordered.put(e.getKey(), e.getValue());
            }
        }
        for (Object k : keys) {
            List<Object> values = old.get(k);
            if (values != null) {
                ordered.put(k, values);
            }
        }
        for (Map.Entry<Object, List<Object>> e : old.entrySet()) {
            ordered.putIfAbsent(e.getKey(), e.getValue());
        }
        parameters.parameters = ordered;
    }
}
