package dev.nereid.graph;

import dev.nereid.graph.capture.ChangeCapture;
import dev.nereid.graph.capture.EdgeChange;
import dev.nereid.graph.capture.EdgeImage;
import dev.nereid.graph.capture.PgChange;
import dev.nereid.graph.capture.VertexChange;
import dev.nereid.graph.capture.VertexImage;
import dev.nereid.log.ChangeLog;
import dev.nereid.log.CommitInfo;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.Op;
import dev.nereid.stream.PgData;
import dev.nereid.stream.PgType;
import dev.nereid.stream.NereidException;
import dev.nereid.stream.RecordCodec;
import org.apache.tinkerpop.gremlin.structure.Transaction;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerEdge;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerTxAccess;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerVertex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The commit path of DESIGN §1 for the property graph. For one transaction, in this order:
 * <ol>
 *   <li>lock every element it touched (another commit on one of them → ConcurrentModificationException);</li>
 *   <li>compute its net change as records, refusing unstorable data (nothing is written);</li>
 *   <li>append the records to the log and wait until they are durable — the log assigns the commitNum;</li>
 *   <li>make the transaction visible (TinkerGraph's commit) and release the locks.</li>
 * </ol>
 * Transactions on disjoint elements run these steps concurrently, so their appends share an fsync
 * (group commit). A transaction with no net change takes no commitNum. If an append fails, the log's
 * state is unknown, so the graph refuses every later write until restarted from its log.
 */
final class PgCommitter {

    private static final Logger LOG = LoggerFactory.getLogger(PgCommitter.class);

    private final ChangeLog log;
    private final TinkerTxAccess access;
    private final ElementImages images;
    private final EdgeAges ages;
    private final EdgeKeyHints hints;
    private final LogReplay replay;
    /** Commits hold it shared; a snapshot holds it exclusively to see the graph at one commitNum. */
    private final ReadWriteLock quiesce = new ReentrantReadWriteLock();
    private volatile Throwable failure;

    PgCommitter(ChangeLog log, TinkerTxAccess access, ElementImages images, EdgeAges ages, EdgeKeyHints hints,
                LogReplay replay) {
        this.log = log;
        this.replay = replay;
        this.hints = hints;
        this.access = access;
        this.images = images;
        this.ages = ages;
    }

    void commit(Transaction inner) {
        try {
            commitTracked(inner);
        } finally {
            hints.clear();
        }
    }

    private void commitTracked(Transaction inner) {
        TinkerTxAccess.TxView view = access.view();
        if (view.isEmpty()) {
            inner.commit();
            return;
        }
        quiesce.readLock().lock();
        try {
            if (failure != null) {
                inner.rollback();
                throw new NereidException(ErrorCode.INTERNAL_FAILURE, "Internal failure");
            }
            if (!view.lock()) {
                inner.rollback();
                throw GraphErrors.concurrentModification();
            }
            try {
                List<PgChange> changes;
                try {
                    changes = capture(view);
                } catch (RuntimeException e) {
                    inner.rollback();
                    throw e;
                }
                if (changes.isEmpty()) {
                    inner.commit();
                    return;
                }
                if (!endpointsExist(view, changes)) {
                    inner.rollback();
                    throw GraphErrors.concurrentModification();
                }
                CommitInfo info;
                try {
                    info = log.append(encode(changes));
                } catch (IOException | RuntimeException e) {
                    failure = e;
                    LOG.error("property-graph log append failed; refusing further writes", e);
                    inner.rollback();
                    throw new NereidException(ErrorCode.INTERNAL_FAILURE, "Internal failure");
                }
                try {
                    inner.commit();
                } catch (RuntimeException e) {
                    // The log already holds this commit, and the log is the truth: make the graph match it.
                    LOG.warn("TinkerGraph refused commit {} that the log already holds; applying its records", info.commitNum(), e);
                    replay.apply(info.commitNum(), changes);
                    return;
                }
                ages.apply(info.commitNum(), changes);
            } finally {
                view.unlock();
            }
        } finally {
            quiesce.readLock().unlock();
        }
    }

    /** Runs {@code action} while no commit is in flight: the graph is exactly the log's last commit. */
    <T> T quiesced(java.util.function.Supplier<T> action) {
        quiesce.writeLock().lock();
        try {
            return action.get();
        } finally {
            quiesce.writeLock().unlock();
        }
    }

    private List<PgChange> capture(TinkerTxAccess.TxView view) {
        List<VertexChange> vertices = new ArrayList<>(view.vertices().size());
        for (TinkerTxAccess.Touched<TinkerVertex> t : view.vertices()) {
            if (t.before() != null && t.after() != null) {
                TinkerTxAccess.keepPropertyIds(t.before(), t.after());
            }
            VertexImage before = t.before() == null ? null : images.vertex(t.before());
            VertexImage after = t.after() == null ? null : images.vertex(t.after());
            if (before != null && after != null) {
                after = keepLabelOrder(t.after(), before, after);
            }
            if (before != null || after != null) {
                vertices.add(new VertexChange((String) t.id(), before, after, t.touch()));
            }
        }
        List<EdgeChange> edges = new ArrayList<>(view.edges().size());
        for (TinkerTxAccess.Touched<TinkerEdge> t : view.edges()) {
            EdgeImage before = t.before() == null ? null : images.edge(t.before());
            EdgeImage after = t.after() == null ? null : images.edgeInTransaction(t.after());
            if (before != null || after != null) {
                String id = (String) t.id();
                edges.add(new EdgeChange(id, before, after, t.touch(), ages.created(id)));
            }
        }
        return ChangeCapture.diff(vertices, edges);
    }

    /**
     * Labels the vertex held before keep their places; new ones follow. A vertex dropped and re-created
     * in one transaction, or a label removed and set again, records no change for the labels it kept —
     * so the live order must be the one replaying the stream gives, or a restart would reorder them.
     */
    private static VertexImage keepLabelOrder(TinkerVertex vertex, VertexImage before, VertexImage after) {
        List<String> kept = Labels.replayOrder(before.labels(), after.labels());
        if (kept.equals(after.labels())) {
            return after;
        }
        TinkerTxAccess.setLabel(vertex, Labels.join(kept));
        return new VertexImage(after.id(), kept, after.properties());
    }

    /** Every edge this commit adds ends at vertices that exist after it (see {@link TinkerTxAccess.TxView#lockExisting}). */
    private static boolean endpointsExist(TinkerTxAccess.TxView view, List<PgChange> changes) {
        Set<String> inTransaction = new HashSet<>();
        for (TinkerTxAccess.Touched<TinkerVertex> t : view.vertices()) {
            if (t.after() != null) {
                inTransaction.add((String) t.id());
            }
        }
        for (PgChange c : changes) {
            PgData d = c.data();
            if (c.op() == Op.ADD && d.type() == PgType.EDGE) {
                for (String end : List.of(d.from(), d.to())) {
                    if (!inTransaction.contains(end) && !view.lockExisting(end)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    static List<byte[]> encode(List<PgChange> changes) {
        List<byte[]> records = new ArrayList<>(changes.size());
        for (PgChange c : changes) {
            records.add(RecordCodec.encode(c.op(), c.data().toJson()));
        }
        return records;
    }
}
