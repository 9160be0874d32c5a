package dev.nereid.rdf;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.atlas.iterator.Iter;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dataset one SPARQL update runs against: Neptune's dataset semantics over the stored quads, and
 * the record of what the update touched.
 * <ul>
 *   <li>Everything is stored in named graphs. Writes to the default graph go to
 *       {@link NQuadsLine#DEFAULT_GRAPH}; reads of the default graph see the union of all graphs
 *       (spec §6.1, Neptune's default graph).</li>
 *   <li>Every write, whichever route ARQ takes (quads, graph views, clear, drop, add/copy/move), ends
 *       in {@link #add(Node, Node, Node, Node)} or {@link #delete(Node, Node, Node, Node)}, which note
 *       whether the quad was present before the update first touched it. The net change is then the
 *       touched quads whose presence differs at the end (spec §5.2, §6.2).</li>
 *   <li>A blank node is stored under a label of letters and digits, so the stream can name it
 *       {@code _:b<label>} for as long as it lives.</li>
 * </ul>
 */
final class NeptuneDatasetView extends DatasetGraphWrapper implements DatasetGraphWrapperView {

    private static final java.util.regex.Pattern UUID_LABEL =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Each quad the update touched, in first-touch order, and whether it was stored before. */
    private final Map<Quad, Boolean> touched = new LinkedHashMap<>();
    private final QuadAges ages;

    /** Ages for views that only read: nothing is ever removed through them, so the book stays empty. */
    private static final QuadAges READING = new QuadAges();

    /** A view for reading (queries). */
    NeptuneDatasetView(DatasetGraph stored) {
        this(stored, READING);
    }

    /** A view for one update; {@code ages} orders its bulk removals oldest first. */
    NeptuneDatasetView(DatasetGraph stored, QuadAges ages) {
        super(stored);
        this.ages = ages;
    }

    /**
     * Undoes everything this update did, so a failed update in a shared write transaction leaves the
     * quads as the update found them. Afterwards the view has touched nothing.
     */
    void revert() {
        for (Map.Entry<Quad, Boolean> e : touched.entrySet()) {
            if (e.getValue()) {
                get().add(e.getKey());
            } else {
                get().delete(e.getKey());
            }
        }
        touched.clear();
    }

    /** The net change: removed quads, then added ones, each in first-touch order. */
    NetChange netChange() {
        List<Quad> removed = new ArrayList<>();
        List<Quad> added = new ArrayList<>();
        for (Map.Entry<Quad, Boolean> e : touched.entrySet()) {
            boolean after = get().contains(e.getKey());
            if (e.getValue() && !after) {
                removed.add(e.getKey());
            } else if (!e.getValue() && after) {
                added.add(e.getKey());
            }
        }
        return new NetChange(removed, added);
    }

    @Override
    public Graph getDefaultGraph() {
        return GraphView.createDefaultGraph(this);
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return GraphView.createNamedGraph(this, graphNode);
    }

    @Override
    public Graph getUnionGraph() {
        return GraphView.createUnionGraph(this);
    }

    @Override
    public void add(Quad quad) {
        add(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        Quad quad = stored(g, s, p, o);
        touch(quad);
        get().add(quad);
    }

    @Override
    public void delete(Quad quad) {
        delete(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        Quad quad = stored(g, s, p, o);
        touch(quad);
        get().delete(quad);
    }

    /**
     * A removal addresses the graph that writes go to; only reads of the default graph see the union.
     * What one step removes goes oldest first (spec §6.2).
     */
    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        Node graph = Quad.isDefaultGraph(g) ? NQuadsLine.DEFAULT_GRAPH : g;
        deleteOldestFirst(Iter.toList(get().find(graph, s, p, o)));
    }

    /** {@code CLEAR NAMED}, {@code DROP NAMED}: every graph but the one updates address, oldest first. */
    void removeAllNamed() {
        List<Quad> victims = new ArrayList<>();
        get().find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (!q.getGraph().equals(NQuadsLine.DEFAULT_GRAPH)) {
                victims.add(q);
            }
        });
        deleteOldestFirst(victims);
    }

    private void deleteOldestFirst(List<Quad> victims) {
        for (Quad q : ages.oldestFirst(victims)) {
            delete(q);
        }
    }

    @Override
    public void clear() {
        deleteAny(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
    }

    @Override
    public void removeGraph(Node graphName) {
        deleteAny(graphName, Node.ANY, Node.ANY, Node.ANY);
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        graph.find().forEachRemaining(t -> add(graphName, t.getSubject(), t.getPredicate(), t.getObject()));
    }

    @Override
    public Iterator<Quad> find(Quad quad) {
        return find(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        if (g != null && Quad.isDefaultGraph(g)) {
            // The union, each triple once, reported in the default graph it was asked for.
            return Iter.map(get().find(Quad.unionGraph, s, p, o),
                    q -> Quad.create(Quad.defaultGraphIRI, q.getSubject(), q.getPredicate(), q.getObject()));
        }
        return get().find(g, s, p, o);
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
        return get().findNG(g, s, p, o);
    }

    @Override
    public boolean contains(Quad quad) {
        return contains(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        Iterator<Quad> it = find(g, s, p, o);
        return it.hasNext();
    }

    private void touch(Quad quad) {
        if (!touched.containsKey(quad)) {
            touched.put(quad, get().contains(quad));
        }
    }

    /** The quad as it is stored: in a named graph, with blank nodes the stream can name. */
    static Quad stored(Node g, Node s, Node p, Node o) {
        Node graph = g == null || Quad.isDefaultGraph(g) ? NQuadsLine.DEFAULT_GRAPH : g;
        return Quad.create(graph, storable(s), p, storable(o));
    }

    /**
     * Jena labels fresh blank nodes with UUIDs: without their dashes they are still unique. Any other
     * label is written in hexadecimal, which is one-to-one. Either way a node keeps one label, within
     * and across updates.
     */
    private static Node storable(Node n) {
        if (!n.isBlank() || NQuadsLine.isStorableBlankLabel(n.getBlankNodeLabel())) {
            return n;
        }
        String label = n.getBlankNodeLabel();
        if (UUID_LABEL.matcher(label).matches()) {
            return NodeFactory.createBlankNode(label.replace("-", ""));
        }
        StringBuilder hex = new StringBuilder("x");
        for (byte b : label.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return NodeFactory.createBlankNode(hex.toString());
    }

    /** What an update changed, as spec §6.2 lists it. */
    record NetChange(List<Quad> removed, List<Quad> added) {
        boolean isEmpty() {
            return removed.isEmpty() && added.isEmpty();
        }
    }
}
