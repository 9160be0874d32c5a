package dev.nereid.graph;

import dev.nereid.graph.capture.PgChange;
import dev.nereid.stream.Op;
import dev.nereid.stream.PgData;
import dev.nereid.stream.PgType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How old each edge and each of its property keys is, by the event id of the ADD that created it.
 * TinkerGraph keeps edge properties in a hash map and edges in hash sets, while the stream lists edges
 * one drop reaches, and an edge's properties, oldest first (spec §5.2). Vertex properties need no such
 * book: their ids are allocated in creation order.
 *
 * <p>Maintained from the records of each commit as it is applied — live or replayed — so a server
 * restarted from its log orders exactly as the one that wrote it. Each edge is updated only by the
 * commit that holds its lock.
 */
final class EdgeAges {

    /** An edge's creating event and its property keys, oldest first. */
    record Age(long created, List<String> keys) {
    }

    private final Map<String, Age> ages = new ConcurrentHashMap<>();

    /** Packs an event id into one comparable number. */
    static long eventOrder(long commitNum, int opNum) {
        return (commitNum << 32) | (opNum & 0xffffffffL);
    }

    long created(String edgeId) {
        Age age = ages.get(edgeId);
        return age == null ? Long.MAX_VALUE : age.created();
    }

    /** The edge's property keys oldest first; keys this book does not know follow in name order. */
    List<String> keyOrder(String edgeId, Iterable<String> keys) {
        Age age = ages.get(edgeId);
        List<String> known = age == null ? List.of() : age.keys();
        List<String> ordered = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String k : keys) {
            (known.contains(k) ? ordered : unknown).add(k);
        }
        ordered.sort((a, b) -> Integer.compare(known.indexOf(a), known.indexOf(b)));
        unknown.sort(null);
        ordered.addAll(unknown);
        return ordered;
    }

    void apply(long commitNum, List<PgChange> changes) {
        apply(commitNum, changes, 0);
    }

    /** Applies records numbered {@code opOffset + 1 …} of a commit. */
    void apply(long commitNum, List<PgChange> changes, int opOffset) {
        int op = opOffset;
        for (PgChange c : changes) {
            op++;
            PgData d = c.data();
            if (d.type() == PgType.EDGE) {
                if (c.op() == Op.ADD) {
                    ages.put(d.id(), new Age(eventOrder(commitNum, op), List.of()));
                } else {
                    ages.remove(d.id());
                }
            } else if (d.type() == PgType.EDGE_PROPERTY) {
                Age age = ages.get(d.id());
                if (age != null) {
                    List<String> keys = new ArrayList<>(age.keys());
                    keys.remove(d.key());
                    if (c.op() == Op.ADD) {
                        keys.add(d.key());
                    }
                    ages.put(d.id(), new Age(age.created(), List.copyOf(keys)));
                }
            }
        }
    }

    void clear() {
        ages.clear();
    }
}
