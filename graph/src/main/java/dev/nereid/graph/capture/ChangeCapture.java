package dev.nereid.graph.capture;

import dev.nereid.stream.PgData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the elements a transaction touched into its records: the net difference between the graph
 * before and after, in the order of spec §5.2:
 * {@code REMOVE ep → REMOVE e → REMOVE vp → REMOVE vl → ADD vl → ADD vp → ADD e → ADD ep}.
 *
 * <p>Within a group, elements come in first-touch order. Edges a vertex drop reached are ranked where
 * that vertex was first touched and, among themselves, oldest first. Within an element, statements keep
 * the order of its images (oldest first for what is removed, written order for what is added).
 */
public final class ChangeCapture {

    private ChangeCapture() {
    }

    public static List<PgChange> diff(List<VertexChange> vertices, List<EdgeChange> edges) {
        List<PgChange> out = new ArrayList<>();
        List<EdgeChange> removalOrder = removalOrder(vertices, edges);
        List<VertexChange> vertexOrder = new ArrayList<>(vertices);
        vertexOrder.sort(Comparator.comparingLong(VertexChange::touch));
        List<EdgeChange> additionOrder = new ArrayList<>(edges);
        additionOrder.sort(Comparator.comparingLong(EdgeChange::touch));

        for (EdgeChange e : removalOrder) {
            if (e.before() == null) {
                continue;
            }
            for (PropertyImage p : missing(e.before().properties(), edgeSurvives(e) ? e.after().properties() : List.of())) {
                out.add(PgChange.remove(PgData.edgeProperty(e.id(), p.key(), p.value())));
            }
        }
        for (EdgeChange e : removalOrder) {
            if (e.before() != null && !edgeSurvives(e)) {
                EdgeImage b = e.before();
                out.add(PgChange.remove(PgData.edge(e.id(), b.label(), b.from(), b.to())));
            }
        }
        for (VertexChange v : vertexOrder) {
            if (v.before() == null) {
                continue;
            }
            List<PropertyImage> after = v.after() == null ? List.of() : v.after().properties();
            for (PropertyImage p : missing(v.before().properties(), after)) {
                out.add(PgChange.remove(PgData.vertexProperty(v.id(), p.key(), p.value())));
            }
        }
        for (VertexChange v : vertexOrder) {
            if (v.before() == null) {
                continue;
            }
            List<String> after = v.after() == null ? List.of() : v.after().labels();
            for (String label : missing(v.before().labels(), after)) {
                out.add(PgChange.remove(PgData.vertexLabel(v.id(), label)));
            }
        }
        for (VertexChange v : vertexOrder) {
            if (v.after() == null) {
                continue;
            }
            List<String> before = v.before() == null ? List.of() : v.before().labels();
            for (String label : missing(v.after().labels(), before)) {
                out.add(PgChange.add(PgData.vertexLabel(v.id(), label)));
            }
        }
        for (VertexChange v : vertexOrder) {
            if (v.after() == null) {
                continue;
            }
            List<PropertyImage> before = v.before() == null ? List.of() : v.before().properties();
            for (PropertyImage p : missing(v.after().properties(), before)) {
                out.add(PgChange.add(PgData.vertexProperty(v.id(), p.key(), p.value())));
            }
        }
        for (EdgeChange e : additionOrder) {
            if (e.after() != null && (e.before() == null || !edgeSurvives(e))) {
                EdgeImage a = e.after();
                out.add(PgChange.add(PgData.edge(e.id(), a.label(), a.from(), a.to())));
            }
        }
        for (EdgeChange e : additionOrder) {
            if (e.after() == null) {
                continue;
            }
            List<PropertyImage> before = edgeSurvives(e) ? e.before().properties() : List.of();
            for (PropertyImage p : missing(e.after().properties(), before)) {
                out.add(PgChange.add(PgData.edgeProperty(e.id(), p.key(), p.value())));
            }
        }
        return out;
    }

    /** True if the edge statement itself is the same before and after (only its properties may differ). */
    private static boolean edgeSurvives(EdgeChange e) {
        return e.before() != null && e.after() != null && e.before().sameEdgeAs(e.after());
    }

    /**
     * Removed edges ranked where the transaction first touched them or, if a vertex drop reached them,
     * where it first touched that vertex; ties (edges one drop reached together) oldest first.
     */
    private static List<EdgeChange> removalOrder(List<VertexChange> vertices, List<EdgeChange> edges) {
        Map<String, Long> droppedVertexTouch = new HashMap<>();
        for (VertexChange v : vertices) {
            if (v.before() != null && v.after() == null) {
                droppedVertexTouch.put(v.id(), v.touch());
            }
        }
        Map<EdgeChange, Long> rank = new HashMap<>();
        for (EdgeChange e : edges) {
            long r = e.touch();
            if (e.before() != null && e.after() == null) {
                r = Math.min(r, droppedVertexTouch.getOrDefault(e.before().from(), Long.MAX_VALUE));
                r = Math.min(r, droppedVertexTouch.getOrDefault(e.before().to(), Long.MAX_VALUE));
            }
            rank.put(e, r);
        }
        List<EdgeChange> ordered = new ArrayList<>(edges);
        ordered.sort(Comparator.<EdgeChange>comparingLong(rank::get)
                .thenComparingLong(EdgeChange::created)
                .thenComparingLong(EdgeChange::touch));
        return ordered;
    }

    /** The items of {@code from} that {@code other} lacks, in {@code from}'s order, each once. */
    private static <T> List<T> missing(List<T> from, List<T> other) {
        Set<T> exclude = new HashSet<>(other);
        List<T> out = new ArrayList<>();
        for (T t : from) {
            if (exclude.add(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
