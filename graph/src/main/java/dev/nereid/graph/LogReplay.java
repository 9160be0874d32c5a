package dev.nereid.graph;

import dev.nereid.graph.capture.PgChange;
import dev.nereid.log.ChangeLog;
import dev.nereid.log.LogCursor;
import dev.nereid.stream.Op;
import dev.nereid.stream.PgData;
import dev.nereid.stream.RecordCodec;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerTransactionGraph;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerTxAccess;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerVertex;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Applies stream records to a graph as set operations on statements (spec §5.2, replay contract): the
 * start-up path after a snapshot, and what any consumer of the stream does. One commit is one
 * TinkerGraph transaction; inside it a vertex may briefly have no label (a relabel is REMOVE old, ADD
 * new), so vertices are only removed once the whole commit is applied.
 */
final class LogReplay {

    private final TinkerTransactionGraph graph;
    private final TinkerTxAccess access;
    private final EdgeAges ages;

    LogReplay(TinkerTransactionGraph graph, TinkerTxAccess access, EdgeAges ages) {
        this.graph = graph;
        this.access = access;
        this.ages = ages;
    }

    /** What one replay did, for the start-up report. */
    record Report(long commits, long records, long nanos) {
    }

    /** Replays every commit after {@code afterCommitNum}. */
    Report replayAfter(ChangeLog log, long afterCommitNum) throws IOException {
        long start = System.nanoTime();
        long commits = 0;
        long records = 0;
        if (log.lastCommit().isEmpty() || log.lastCommit().get().commitNum() <= afterCommitNum) {
            return new Report(0, 0, System.nanoTime() - start);
        }
        try (LogCursor cursor = log.cursor(afterCommitNum + 1, 1)) {
            List<PgChange> commit = new ArrayList<>();
            while (cursor.next()) {
                ByteBuffer record = cursor.record();
                Op op = RecordCodec.op(record);
                commit.add(new PgChange(op, RecordCodec.pgData(record)));
                records++;
                if (cursor.opNum() == cursor.recordCount()) {
                    apply(cursor.commitNum(), commit);
                    commits++;
                    commit.clear();
                }
            }
        }
        Report report = new Report(commits, records, System.nanoTime() - start);
        return report;
    }

    /** Applies one commit's records and makes them visible. */
    void apply(long commitNum, List<PgChange> changes) {
        apply(commitNum, changes, 0);
    }

    /**
     * Applies {@code changes} as the records {@code opOffset + 1 …} of commit {@code commitNum}: a
     * snapshot is loaded in slices this way, each its own TinkerGraph transaction, so the edges' ages
     * stay those of the snapshot's order.
     */
    void apply(long commitNum, List<PgChange> changes, int opOffset) {
        Set<String> relabeled = new LinkedHashSet<>();
        try {
            for (PgChange c : changes) {
                applyOne(c.op(), c.data(), relabeled);
            }
            for (String id : relabeled) {
                TinkerVertex v = vertex(id);
                if (v != null && v.label().isEmpty()) {
                    v.remove();
                }
            }
            graph.tx().commit();
        } catch (RuntimeException e) {
            graph.tx().rollback();
            throw new IllegalStateException("cannot replay commit " + commitNum + ": " + e.getMessage(), e);
        }
        ages.apply(commitNum, changes, opOffset);
    }

    private void applyOne(Op op, PgData d, Set<String> relabeled) {
        Object value = d.value().toJava();
        switch (d.type()) {
            case VERTEX_LABEL -> {
                String label = (String) value;
                TinkerVertex v = vertex(d.id());
                if (op == Op.ADD) {
                    if (v == null) {
                        graph.addVertex(T.id, d.id(), T.label, label);
                    } else {
                        List<String> labels = Labels.split(v.label());
                        labels.add(label);
                        access.relabel(v, Labels.join(labels));
                    }
                } else {
                    List<String> labels = Labels.split(required(v, d).label());
                    labels.remove(label);
                    access.relabel(v, Labels.join(labels));
                    relabeled.add(d.id());
                }
            }
            case VERTEX_PROPERTY -> {
                TinkerVertex v = required(vertex(d.id()), d);
                if (op == Op.ADD) {
                    v.property(VertexProperty.Cardinality.set, d.key(), value);
                } else {
                    Iterator<VertexProperty<Object>> it = v.properties(d.key());
                    while (it.hasNext()) {
                        VertexProperty<Object> p = it.next();
                        if (Objects.equals(p.value(), value)) {
                            p.remove();
                        }
                    }
                }
            }
            case EDGE -> {
                if (op == Op.ADD) {
                    Vertex from = required(vertex(d.from()), d);
                    Vertex to = required(vertex(d.to()), d);
                    from.addEdge((String) value, to, T.id, d.id());
                } else {
                    required(edge(d.id()), d).remove();
                }
            }
            case EDGE_PROPERTY -> {
                Edge e = required(edge(d.id()), d);
                if (op == Op.ADD) {
                    e.property(d.key(), value);
                } else {
                    e.property(d.key()).remove();
                }
            }
        }
    }

    private TinkerVertex vertex(String id) {
        Iterator<Vertex> it = graph.vertices(id);
        return it.hasNext() ? (TinkerVertex) it.next() : null;
    }

    private Edge edge(String id) {
        Iterator<Edge> it = graph.edges(id);
        return it.hasNext() ? it.next() : null;
    }

    private static <E> E required(E element, PgData d) {
        if (element == null) {
            throw new IllegalStateException("record refers to a missing element: " + d);
        }
        return element;
    }
}
