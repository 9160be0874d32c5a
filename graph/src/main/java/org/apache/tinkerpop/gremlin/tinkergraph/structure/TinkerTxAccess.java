package org.apache.tinkerpop.gremlin.tinkergraph.structure;

import org.apache.tinkerpop.gremlin.structure.VertexProperty;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Nereid's window into a {@link TinkerTransactionGraph} transaction. It lives in TinkerGraph's package
 * because the containers that hold an element's committed and transaction-local versions are package
 * private, and change capture needs exactly those two versions of every element the transaction touched.
 *
 * <p>Two things are done by reflection, once per graph, and pinned by tests against TinkerPop 3.7.5:
 * the transaction's per-thread "changed" sets are replaced by insertion-ordered ones, because the
 * stream orders elements by first touch (spec §5.2) and TinkerPop keeps them in hash sets; and an
 * element's label, final in TinkerPop, is rewritten on the transaction's private copy, because a Neptune
 * vertex gains and loses labels ({@code addV} on an existing id, openCypher {@code SET n:L}).
 */
public final class TinkerTxAccess {

    private static final Field LABEL = field(TinkerElement.class, "label");
    private static final Field ID = field(TinkerElement.class, "id");

    private final TinkerTransactionGraph graph;
    private final OrderedChanges<TinkerVertex> changedVertices = new OrderedChanges<>();
    private final OrderedChanges<TinkerEdge> changedEdges = new OrderedChanges<>();

    private TinkerTxAccess(TinkerTransactionGraph graph) {
        this.graph = graph;
        Object tx = graph.tx();
        replace(tx, "txChangedVertices", changedVertices);
        replace(tx, "txChangedEdges", changedEdges);
        replace(graph, "vertices", new ElementMap<TinkerVertex>());
        replace(graph, "edges", new ElementMap<TinkerEdge>());
    }

    /** Installs the access on a new graph, before any transaction runs on it. */
    public static TinkerTxAccess install(TinkerTransactionGraph graph) {
        return new TinkerTxAccess(graph);
    }

    /**
     * One element the current thread's transaction touched: its committed version ({@code null} if new),
     * its transaction version ({@code null} if removed), and when it was first touched — a number that
     * orders vertices and edges of one transaction together.
     */
    public record Touched<E>(Object id, E before, E after, long touch) {
    }

    /**
     * The current thread's transaction as it stands: every element it touched, in first-touch order.
     * Call before committing; the view stays valid after the transaction ends.
     */
    public TxView view() {
        return new TxView(graph, changedVertices.get(), changedEdges.get());
    }

    /** What one transaction touched, and the element locks that keep other commits off those elements. */
    public static final class TxView {
        private final List<TinkerElementContainer<?>> containers = new ArrayList<>();
        private final Set<TinkerElementContainer<TinkerVertex>> vertexSet;
        private final Set<TinkerElementContainer<TinkerEdge>> edgeSet;
        private List<Touched<TinkerVertex>> vertices = List.of();
        private List<Touched<TinkerEdge>> edges = List.of();
        private final List<TinkerElementContainer<?>> locked = new ArrayList<>();
        private final TinkerTransactionGraph graph;

        private TxView(TinkerTransactionGraph graph, Set<TinkerElementContainer<TinkerVertex>> v,
                       Set<TinkerElementContainer<TinkerEdge>> e) {
            this.graph = graph;
            this.vertexSet = v;
            this.edgeSet = e;
            if (v != null) {
                containers.addAll(v);
            }
            if (e != null) {
                containers.addAll(e);
            }
        }

        /** The touched vertices, as of {@link #lock()}. */
        public List<Touched<TinkerVertex>> vertices() {
            return vertices;
        }

        /** The touched edges, as of {@link #lock()}. */
        public List<Touched<TinkerEdge>> edges() {
            return edges;
        }

        public boolean isEmpty() {
            return containers.isEmpty();
        }

        /**
         * Locks every touched element for this thread, or none: false if another commit holds one or
         * has changed one since this transaction read it. TinkerPop's own commit takes the same
         * (reentrant) locks, so nothing can change these elements until {@link #unlock()}.
         */
        public boolean lock() {
            for (TinkerElementContainer<?> c : containers) {
                if (!c.tryLock()) {
                    unlock();
                    return false;
                }
                locked.add(c);
            }
            for (TinkerElementContainer<?> c : containers) {
                if (c.updatedOutsideTransaction()) {
                    unlock();
                    return false;
                }
            }
            // Read the committed versions only now, under the locks: a container's committed element is a
            // plain field, and only the lock its last committer released makes its newest value visible.
            vertices = touched(vertexSet);
            edges = touched(edgeSet);
            return true;
        }

        /**
         * Locks a vertex this transaction did not change but depends on — the endpoint of an edge it
         * adds — and tells whether it exists. TinkerGraph skips marking a vertex changed when another
         * transaction's drop already removed it, which would let an edge be committed to a vertex that
         * no longer exists; holding the lock also keeps a concurrent drop from committing meanwhile.
         */
        public boolean lockExisting(Object vertexId) {
            TinkerElementContainer<TinkerVertex> c = graph.getVertices().get(vertexId);
            if (c == null) {
                return false;
            }
            if (!c.tryLock()) {
                return false;
            }
            locked.add(c);
            TinkerVertex committed = c.getUnmodified();
            return committed != null && !committed.removed && !c.isDeleted();
        }

        public void unlock() {
            for (TinkerElementContainer<?> c : locked) {
                c.releaseLock();
            }
            locked.clear();
        }
    }

    /**
     * Gives a vertex, as the current transaction sees it, a new label string. The vertex must be the
     * transaction's copy (from a traversal or {@code vertex(id)} inside the transaction); it is marked
     * changed first, so the committed version is never written.
     */
    public void relabel(TinkerVertex vertex, String label) {
        graph.touch(vertex);
        setLabel(vertex, label);
    }

    /** Sets the label of a vertex the current transaction already changed: its copy, not the committed one. */
    public static void setLabel(TinkerVertex changed, String label) {
        try {
            LABEL.set(changed, label);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot relabel a TinkerGraph vertex", e);
        }
    }

    /**
     * Gives each value of {@code after} that {@code before} already held the id it had there. A
     * {@code property(single, k, v)} that rewrites an unchanged value removes and re-creates it; its id —
     * which orders the vertex's values by age — must stay that of the original, since the stream
     * recorded no change.
     */
    public static void keepPropertyIds(TinkerVertex before, TinkerVertex after) {
        if (before.properties == null || after.properties == null) {
            return;
        }
        for (var entry : after.properties.entrySet()) {
            List<VertexProperty> old = before.properties.get(entry.getKey());
            if (old == null) {
                continue;
            }
            for (VertexProperty<?> p : entry.getValue()) {
                for (VertexProperty<?> o : old) {
                    if (o.value().equals(p.value()) && !o.id().equals(p.id())) {
                        try {
                            ID.set(p, o.id());
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException("cannot keep a vertex-property id", e);
                        }
                    }
                }
            }
        }
    }

    /**
     * Every committed vertex, read without a transaction and without copying: what a snapshot writes.
     * Only meaningful while no commit is in flight.
     */
    public void forEachCommittedVertex(Consumer<TinkerVertex> action) {
        for (TinkerElementContainer<TinkerVertex> c : graph.getVertices().values()) {
            TinkerVertex v = c.getUnmodified();
            if (v != null && !v.removed) {
                action.accept(v);
            }
        }
    }

    /** Every committed edge, like {@link #forEachCommittedVertex}. */
    public void forEachCommittedEdge(Consumer<TinkerEdge> action) {
        for (TinkerElementContainer<TinkerEdge> c : graph.getEdges().values()) {
            TinkerEdge e = c.getUnmodified();
            if (e != null && !e.removed) {
                action.accept(e);
            }
        }
    }

    /** An edge's source vertex id, read without resolving the vertex (which may be gone in this transaction). */
    public static Object outVertexId(TinkerEdge edge) {
        return edge.outVertexId;
    }

    /** An edge's target vertex id, read without resolving the vertex. */
    public static Object inVertexId(TinkerEdge edge) {
        return edge.inVertexId;
    }

    private static <E extends TinkerElement> List<Touched<E>> touched(Set<TinkerElementContainer<E>> set) {
        if (!(set instanceof TouchSet<E> containers)) {
            return List.of();
        }
        List<Touched<E>> touched = new ArrayList<>(containers.size());
        for (TinkerElementContainer<E> c : containers) {
            E before = c.getUnmodified();
            E after = c.get();
            if (before != null && before.removed) {
                before = null;
            }
            touched.add(new Touched<>(c.getElementId(), before, after, containers.touchOf(c)));
        }
        return touched;
    }

    /**
     * TinkerGraph's id → container map, with one fix. After a commit or rollback, TinkerTransaction
     * drops the containers of deleted elements with {@code remove(id)}: by id, not by container. If the
     * element was meanwhile created again under the same id — a new container — a late rollback of a
     * transaction that still held the old one removed the new, live element from the graph, and the
     * graph silently lost what the log holds. Here {@code remove(id)} removes only a container that is
     * itself dead.
     */
    private static final class ElementMap<E extends TinkerElement> extends ConcurrentHashMap<Object, TinkerElementContainer<E>> {
        private static final long serialVersionUID = 1L;

        @Override
        public TinkerElementContainer<E> remove(Object id) {
            TinkerElementContainer<E>[] removed = new TinkerElementContainer[1];
            computeIfPresent(id, (k, c) -> {
                if (c.canBeRemoved()) {
                    removed[0] = c;
                    return null;
                }
                return c;
            });
            return removed[0];
        }
    }

    /**
     * The per-thread "changed" set TinkerTransaction fills. TinkerTransaction creates it lazily as an
     * empty HashSet; this swaps in a {@link TouchSet} at that moment.
     */
    private static final class OrderedChanges<E extends TinkerElement> extends ThreadLocal<Set<TinkerElementContainer<E>>> {
        @Override
        public void set(Set<TinkerElementContainer<E>> value) {
            super.set(value instanceof HashSet<?> && !(value instanceof TouchSet<?>) && value.isEmpty()
                    ? new TouchSet<>() : value);
        }
    }

    /** Numbers first touches from one counter shared by vertices and edges, so they can be ordered together. */
    private static final AtomicLong TOUCHES = new AtomicLong();

    /** An insertion-ordered set that remembers when each element entered it. */
    private static final class TouchSet<E extends TinkerElement> extends LinkedHashSet<TinkerElementContainer<E>> {
        private final IdentityHashMap<TinkerElementContainer<E>, Long> touches = new IdentityHashMap<>();

        @Override
        public boolean add(TinkerElementContainer<E> c) {
            boolean added = super.add(c);
            if (added) {
                touches.put(c, TOUCHES.incrementAndGet());
            }
            return added;
        }

        long touchOf(TinkerElementContainer<E> c) {
            return touches.getOrDefault(c, Long.MAX_VALUE);
        }
    }

    private static void replace(Object owner, String name, Object replacement) {
        try {
            Field f = field(owner.getClass(), name);
            f.set(owner, replacement);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("unsupported TinkerPop version: cannot order " + name, e);
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("unsupported TinkerPop version: no field " + type.getSimpleName() + "." + name, e);
        }
    }
}
