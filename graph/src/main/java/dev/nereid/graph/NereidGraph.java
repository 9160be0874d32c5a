package dev.nereid.graph;

import dev.nereid.graph.capture.PgChange;
import dev.nereid.log.ChangeLog;
import dev.nereid.log.SnapshotDirectory;
import dev.nereid.log.Snapshotting;
import dev.nereid.log.StartupReport;
import org.apache.commons.configuration2.BaseConfiguration;
import org.apache.commons.configuration2.Configuration;
import org.apache.tinkerpop.gremlin.process.computer.GraphComputer;
import org.apache.tinkerpop.gremlin.process.traversal.TraversalStrategies;
import org.apache.tinkerpop.gremlin.process.traversal.strategy.verification.LambdaRestrictionStrategy;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.Graph;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.structure.Transaction;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;
import org.apache.tinkerpop.gremlin.structure.util.ElementHelper;
import org.apache.tinkerpop.gremlin.structure.util.StringFactory;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.AbstractTinkerGraph;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerTransactionGraph;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerTxAccess;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerVertex;
import org.apache.tinkerpop.gremlin.util.iterator.IteratorUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The property graph: an in-memory TinkerGraph with transactions, made durable by the property-graph
 * log and holding Neptune's semantics (spec §5): string ids, {@code set} cardinality by default,
 * multi-labels, {@code addV} on an existing id adding labels, only storable values.
 *
 * <p>It wraps TinkerGraph rather than extending it (TinkerTransactionGraph is final) and exposes its
 * own {@link #tx()}, so every commit — embedded, sessionless Gremlin Server request or remote
 * transaction — goes through {@link PgCommitter}. Elements are TinkerGraph's own.
 */
@Graph.OptIn(Graph.OptIn.SUITE_STRUCTURE_STANDARD)
public final class NereidGraph implements Graph, Snapshotting {

    static {
        TraversalStrategies.GlobalCache.registerStrategies(NereidGraph.class,
                TraversalStrategies.GlobalCache.getStrategies(Graph.class).clone().addStrategies(
                        LambdaRestrictionStrategy.instance(),
                        NeptuneVerificationStrategy.instance(),
                        WrittenOrderStrategy.instance(),
                        MultiLabelStrategy.instance()));
    }

    private final TinkerTransactionGraph tinker;
    private final TinkerTxAccess access;
    private final EdgeAges ages = new EdgeAges();
    private final EdgeKeyHints edgeKeyHints = new EdgeKeyHints();
    private final ElementImages images = new ElementImages(ages, edgeKeyHints);
    private final PgCommitter committer;
    private final NereidTransaction transaction;
    private final ChangeLog log;
    private final SnapshotDirectory snapshotDir;
    /** Set while an openCypher CREATE runs: there an existing id is an error, never a merge. */
    private final ThreadLocal<Boolean> createOnly = ThreadLocal.withInitial(() -> false);
    private StartupReport startup;

    private NereidGraph(ChangeLog log, Path snapshotDir) {
        this.log = log;
        this.snapshotDir = new SnapshotDirectory(snapshotDir, SnapshotFile.EXTENSION);
        this.tinker = TinkerTransactionGraph.open(tinkerConfiguration());
        this.access = TinkerTxAccess.install(tinker);
        this.committer = new PgCommitter(log, access, images, ages, edgeKeyHints, new LogReplay(tinker, access, ages));
        this.transaction = new NereidTransaction(this, tinker.tx());
    }

    /** Opens the graph held by {@code log} alone: an empty graph with every commit of the log replayed into it. */
    public static NereidGraph open(ChangeLog log) throws IOException {
        return open(log, null);
    }

    /**
     * Opens the graph: the newest valid snapshot in {@code snapshotDir} (if any, and if the log goes on
     * from it), then every commit of the log after it. {@code snapshotDir} null means no snapshots.
     */
    public static NereidGraph open(ChangeLog log, Path snapshotDir) throws IOException {
        NereidGraph graph = new NereidGraph(log, snapshotDir);
        LogReplay replay = new LogReplay(graph.tinker, graph.access, graph.ages);
        long from = 0;
        long snapshotRecords = 0;
        long start = System.nanoTime();
        Optional<SnapshotFile.Loaded> snapshot = graph.newestUsableSnapshot();
        if (snapshot.isPresent()) {
            List<PgChange> records = snapshot.get().records();
            for (int i = 0; i < records.size(); i += SNAPSHOT_SLICE) {
                replay.apply(snapshot.get().commitNum(), records.subList(i, Math.min(records.size(), i + SNAPSHOT_SLICE)), i);
            }
            from = snapshot.get().commitNum();
            snapshotRecords = records.size();
            log.registerSnapshot(from);
        }
        long snapshotNanos = System.nanoTime() - start;
        LogReplay.Report r = replay.replayAfter(log, from);
        graph.startup = new StartupReport(from, snapshotRecords, snapshotNanos, r.commits(), r.records(), r.nanos());
        return graph;
    }

    /** Records per TinkerGraph transaction when loading a snapshot. */
    private static final int SNAPSHOT_SLICE = 50_000;

    private Optional<SnapshotFile.Loaded> newestUsableSnapshot() throws IOException {
        for (Path file : snapshotDir.usableWith(log)) {
            Optional<SnapshotFile.Loaded> loaded = SnapshotFile.read(file);
            if (loaded.isPresent()) {
                return loaded;
            }
        }
        return Optional.empty();
    }

    /**
     * Writes a snapshot of the graph at the log's last commit and registers it with the log, so retention
     * may delete what it covers; keeps the two newest snapshot files. Commits wait only while the graph
     * is copied in memory, not while the file is written.
     *
     * @return the snapshot's commitNum, or empty if there is nothing to snapshot or no snapshot directory
     */
    @Override
    public synchronized OptionalLong snapshot() throws IOException {
        if (!snapshotDir.isEnabled()) {
            return OptionalLong.empty();
        }
        record Taken(dev.nereid.log.CommitInfo at, List<PgChange> content) {
        }
        Taken taken = committer.quiesced(() -> new Taken(log.lastCommit().orElse(null),
                GraphContent.statements(access, images, ages)));
        if (taken.at() == null) {
            return OptionalLong.empty();
        }
        long commitNum = taken.at().commitNum();
        SnapshotFile.write(snapshotDir, commitNum, taken.at().commitTimestamp(), taken.content());
        log.registerSnapshot(commitNum);
        snapshotDir.keepNewest(2);
        return OptionalLong.of(commitNum);
    }

    /** The commitNum of the newest snapshot on disk, or 0. */
    @Override
    public long lastSnapshotCommitNum() throws IOException {
        return snapshotDir.newestCommitNum();
    }

    private static Configuration tinkerConfiguration() {
        Configuration c = new BaseConfiguration();
        c.setProperty(AbstractTinkerGraph.GREMLIN_TINKERGRAPH_VERTEX_ID_MANAGER, NeptuneIdManager.class.getName());
        c.setProperty(AbstractTinkerGraph.GREMLIN_TINKERGRAPH_EDGE_ID_MANAGER, NeptuneIdManager.class.getName());
        // Vertex-property ids come from one counter, so they order a vertex's values by creation.
        c.setProperty(AbstractTinkerGraph.GREMLIN_TINKERGRAPH_VERTEX_PROPERTY_ID_MANAGER,
                AbstractTinkerGraph.DefaultIdManager.LONG.name());
        c.setProperty(AbstractTinkerGraph.GREMLIN_TINKERGRAPH_DEFAULT_VERTEX_PROPERTY_CARDINALITY,
                VertexProperty.Cardinality.set.name());
        // TinkerGraph would turn property(k, null) into a silent removal; storing the null instead lets
        // the commit refuse it, whether it was written literally or computed (spec §5.1).
        c.setProperty(AbstractTinkerGraph.GREMLIN_TINKERGRAPH_ALLOW_NULL_PROPERTY_VALUES, true);
        return c;
    }

    PgCommitter committer() {
        return committer;
    }

    EdgeKeyHints edgeKeyHints() {
        return edgeKeyHints;
    }

    /** The change log this graph is made durable by. */
    @Override
    public String name() {
        return "property-graph";
    }

    @Override
    public ChangeLog log() {
        return log;
    }

    /**
     * Neptune's {@code addV}: with an id that exists, the vertex gains the new labels and properties
     * and nothing is overwritten; if it already has one of the labels, a ConstraintViolationException.
     */
    @Override
    public Vertex addVertex(Object... keyValues) {
        ElementHelper.legalPropertyKeyValueArray(keyValues);
        Optional<Object> id = ElementHelper.getIdValue(keyValues);
        String label = ElementHelper.getLabelValue(keyValues).orElse(Vertex.DEFAULT_LABEL);
        List<String> labels = Labels.split(label);
        Object[] properties = ElementHelper.remove(T.label, ElementHelper.remove(T.id, keyValues).orElse(new Object[0]))
                .orElse(new Object[0]);
        for (int i = 0; i < properties.length; i += 2) {
            if (properties[i + 1] == null) {
                throw StoredValues.unsupported((String) properties[i], null);
            }
        }
        TinkerVertex vertex = null;
        if (id.isPresent()) {
            Iterator<Vertex> existing = tinker.vertices(id.get());
            if (existing.hasNext()) {
                vertex = (TinkerVertex) existing.next();
                if (createOnly.get()) {
                    throw GraphErrors.vertexExists(vertex.id());
                }
                List<String> current = Labels.split(vertex.label());
                List<String> merged = new ArrayList<>(current);
                for (String l : labels) {
                    if (current.contains(l)) {
                        throw GraphErrors.vertexExists(vertex.id());
                    }
                    merged.add(l);
                }
                access.relabel(vertex, Labels.join(merged));
            }
        }
        if (vertex == null) {
            // A label with no name in it ('::') is stored as given and refused at commit.
            String stored = labels.isEmpty() ? label : Labels.join(labels);
            vertex = id.isPresent()
                    ? (TinkerVertex) tinker.addVertex(T.id, id.get().toString(), T.label, stored)
                    : (TinkerVertex) tinker.addVertex(T.label, stored);
        }
        for (int i = 0; i < properties.length; i += 2) {
            vertex.property(VertexProperty.Cardinality.set, (String) properties[i], properties[i + 1]);
        }
        return vertex;
    }

    /**
     * Runs {@code action} — an openCypher statement — in the calling thread with openCypher's CREATE:
     * a vertex id that already exists is a ConstraintViolationException rather than Gremlin's merge.
     */
    public <T> T createOnly(java.util.function.Supplier<T> action) {
        createOnly.set(true);
        try {
            return action.get();
        } finally {
            createOnly.set(false);
        }
    }

    /** openCypher's {@code SET n:L}: the vertex gains the labels it lacks, after those it has. */
    public void addLabels(Vertex vertex, List<String> labels) {
        List<String> current = Labels.split(vertex.label());
        List<String> merged = new ArrayList<>(current);
        for (String l : labels) {
            if (!merged.contains(l)) {
                merged.add(l);
            }
        }
        if (!merged.equals(current)) {
            access.relabel((TinkerVertex) vertex, Labels.join(merged));
        }
    }

    /**
     * openCypher's {@code REMOVE n:L}. A vertex left with no label is refused when the transaction
     * commits, so a statement that goes on to add one is still allowed.
     */
    public void removeLabels(Vertex vertex, List<String> labels) {
        List<String> current = Labels.split(vertex.label());
        List<String> kept = new ArrayList<>(current);
        kept.removeAll(labels);
        if (!kept.equals(current)) {
            access.relabel((TinkerVertex) vertex, Labels.join(kept));
        }
    }

    /** A step that may fail with an I/O error, run while the graph holds still. */
    @FunctionalInterface
    public interface LogAction {
        void run() throws IOException;
    }

    /**
     * Fast reset (spec §7): runs {@code resetLogs} — which must reset this graph's log — and empties the
     * graph and its snapshots, while no commit is in flight and none can start, so no commit can land
     * between the log reset and the clear. Transactions still open fail at commit.
     */
    public void resetWith(LogAction resetLogs) throws IOException {
        IOException[] failure = new IOException[1];
        committer.quiesced(() -> {
            try {
                resetLogs.run();
                tinker.clear();
                ages.clear();
                snapshotDir.deleteAll();
            } catch (IOException e) {
                failure[0] = e;
            }
            return null;
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /**
     * Deletes every snapshot in {@code dir}: after a log reset they describe a history that no longer
     * exists, and one could otherwise be taken for a point of the new history once commitNums catch up.
     */
    public static void deleteSnapshots(Path dir) throws IOException {
        new SnapshotDirectory(dir, SnapshotFile.EXTENSION).deleteAll();
    }

    /**
     * The committed graph as the ADD records that rebuild it, in a canonical order (see
     * {@link GraphContent}); taken while no commit is in flight, so it is exactly the log's last commit.
     */
    public List<PgChange> content() {
        return committer.quiesced(() -> GraphContent.statements(access, images, ages));
    }

    /** How start-up went: snapshot loaded, log replayed, durations. */
    public StartupReport startupReport() {
        return startup;
    }

    @Override
    public <C extends GraphComputer> C compute(Class<C> graphComputerClass) {
        throw Graph.Exceptions.graphComputerNotSupported();
    }

    @Override
    public GraphComputer compute() {
        throw Graph.Exceptions.graphComputerNotSupported();
    }

    /**
     * All vertices are listed up front, as TinkerGraph's own step does: TinkerTransactionGraph iterates
     * its live map, so {@code g.V().addV()} would otherwise meet the vertices it is adding.
     */
    @Override
    public Iterator<Vertex> vertices(Object... vertexIds) {
        return vertexIds.length == 0 ? IteratorUtils.list(tinker.vertices()).iterator() : tinker.vertices(vertexIds);
    }

    @Override
    public Iterator<Edge> edges(Object... edgeIds) {
        return edgeIds.length == 0 ? IteratorUtils.list(tinker.edges()).iterator() : tinker.edges(edgeIds);
    }

    @Override
    public Transaction tx() {
        return transaction;
    }

    @Override
    public Variables variables() {
        throw Graph.Exceptions.variablesNotSupported();
    }

    @Override
    public Configuration configuration() {
        return tinker.configuration();
    }

    @Override
    public Features features() {
        return NereidFeatures.instance();
    }

    @Override
    public void close() {
        if (transaction.isOpen()) {
            transaction.rollback();
        }
        tinker.close();
    }

    @Override
    public String toString() {
        return StringFactory.graphString(this, "nereid");
    }
}
