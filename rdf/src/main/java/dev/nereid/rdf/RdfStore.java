package dev.nereid.rdf;

import dev.nereid.log.ChangeLog;
import dev.nereid.log.CommitInfo;
import dev.nereid.log.LogCursor;
import dev.nereid.log.SnapshotDirectory;
import dev.nereid.log.Snapshotting;
import dev.nereid.log.StartupReport;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import dev.nereid.stream.Op;
import dev.nereid.stream.RdfData;
import dev.nereid.stream.RecordCodec;
import org.apache.jena.graph.Node;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The RDF store (DESIGN §1, spec §6): a Jena in-memory transactional dataset made durable by the
 * SPARQL change log. One update request — all its operations — is one commit. Updates wait in a queue;
 * whichever waiting caller takes the writer's lock runs every update queued so far as one batch:
 * <ol>
 *   <li>in one write transaction of the dataset, each update in turn against its own
 *       {@link NeptuneDatasetView}; an update that fails is undone (the view knows what it touched) and
 *       fails alone;</li>
 *   <li>each update's net change becomes its N-Quads records, removals first (spec §6.2);</li>
 *   <li>the batch's commits are appended to the log in that order and made durable with one force
 *       (group commit);</li>
 *   <li>only then the transaction commits, which makes them visible, and each caller gets its commit.</li>
 * </ol>
 * An update that changes nothing takes no commitNum. Readers see only committed, durable state. If an
 * append fails, the log's state is unknown and every later update is refused until the store is opened
 * again from its log.
 *
 * <p>Start-up loads the newest usable snapshot (if a snapshot directory is given) and replays the log
 * after it; {@link #snapshot()} writes one, so retention may delete the log it covers.
 */
public final class RdfStore implements Snapshotting, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RdfStore.class);
    /** Most updates one batch runs: bounds the wait of the update that arrived first. */
    private static final int MAX_BATCH = 256;

    private final ChangeLog log;
    private final SnapshotDirectory snapshotDir;
    private final UpdateOperations operations;
    private final DatasetGraph stored = DatasetGraphFactory.createTxnMem();
    private final QuadAges ages = new QuadAges();
    /** Held by the batch runner, by a snapshot while it copies the quads, and by a reset. */
    private final ReentrantLock writer = new ReentrantLock();
    private final ConcurrentLinkedQueue<PendingUpdate> waiting = new ConcurrentLinkedQueue<>();
    private volatile Throwable failure;
    private StartupReport startup;

    private RdfStore(ChangeLog log, Path snapshotDir, Path loadDirectory) {
        this.log = log;
        this.snapshotDir = new SnapshotDirectory(snapshotDir, RdfSnapshotFile.EXTENSION);
        this.operations = new UpdateOperations(new LocalLoad(loadDirectory));
    }

    /** The store as its log alone describes it: every record, in order, applied to an empty dataset; no LOAD. */
    public static RdfStore open(ChangeLog log) throws IOException {
        return open(log, null, null);
    }

    /**
     * Opens the store: the newest valid snapshot in {@code snapshotDir} (if any, and if the log goes on
     * from it), then every commit of the log after it.
     *
     * @param snapshotDir   where snapshots live; null for none
     * @param loadDirectory the only directory {@code LOAD} reads from; null refuses LOAD
     */
    public static RdfStore open(ChangeLog log, Path snapshotDir, Path loadDirectory) throws IOException {
        RdfStore store = new RdfStore(log, snapshotDir, loadDirectory);
        store.load();
        return store;
    }

    private void load() throws IOException {
        long start = System.nanoTime();
        long from = 0;
        long snapshotQuads = 0;
        stored.begin(TxnType.WRITE);
        try {
            Optional<RdfSnapshotFile.Loaded> snapshot = loadNewestUsableSnapshot();
            long snapshotNanos = System.nanoTime() - start;
            if (snapshot.isPresent()) {
                from = snapshot.get().commitNum();
                snapshotQuads = snapshot.get().quadCount();
            }
            long replayStart = System.nanoTime();
            long[] replayed = replayAfter(from);
            stored.commit();
            startup = new StartupReport(from, snapshotQuads, snapshotNanos, replayed[0], replayed[1],
                    System.nanoTime() - replayStart);
        } finally {
            stored.end();
        }
        if (from > 0) {
            log.registerSnapshot(from);
        }
    }

    /** In the write transaction: the newest snapshot the log continues from, loaded; empty if none is. */
    private Optional<RdfSnapshotFile.Loaded> loadNewestUsableSnapshot() throws IOException {
        for (Path file : snapshotDir.usableWith(log)) {
            Optional<RdfSnapshotFile.Loaded> loaded = RdfSnapshotFile.read(file, q -> {
                stored.add(q);
                ages.added(q);
            });
            if (loaded.isPresent()) {
                return loaded;
            }
            LOG.warn("rdf snapshot {} is damaged; trying an older one", file.getFileName());
            stored.clear();
            ages.clear();
        }
        return Optional.empty();
    }

    /** In the write transaction: applies every record after commit {@code from}; returns {commits, records}. */
    private long[] replayAfter(long from) throws IOException {
        long last = log.lastCommit().map(CommitInfo::commitNum).orElse(0L);
        if (last <= from) {
            return new long[] {0, 0};
        }
        long records = 0;
        try (LogCursor cursor = log.cursor(from + 1, 1)) {
            while (cursor.next()) {
                ByteBuffer record = cursor.record();
                Quad quad = NQuadsLine.parse(stmt(record));
                if (RecordCodec.op(record) == Op.ADD) {
                    stored.add(quad);
                    ages.added(quad);
                } else {
                    stored.delete(quad);
                    ages.removed(quad);
                }
                records++;
            }
        }
        return new long[] {last - from, records};
    }

    private static String stmt(ByteBuffer record) {
        byte[] json = RecordCodec.data(record);
        return RdfData.fromJson(json).stmt();
    }

    /** How the store came up: the snapshot it loaded and the log it replayed. */
    public StartupReport startupReport() {
        return startup;
    }

    /**
     * Runs a SPARQL 1.1 update request as one transaction. Returns its commit, or empty if it changed
     * nothing. A request that cannot be parsed is a MalformedQueryException and writes nothing.
     */
    public Optional<CommitInfo> update(String request) {
        return update(request, null);
    }

    /**
     * As {@link #update(String)}, stopped with TimeLimitExceededException if the request's operations
     * run longer than {@code timeout} (null: no limit), counted from this call; a stopped update writes
     * nothing.
     */
    public Optional<CommitInfo> update(String request, Duration timeout) {
        return update(request, timeout, effects -> { });
    }

    /**
     * As {@link #update(String, Duration)}, with an admission check: once the request is parsed, and before
     * anything else is checked, queued or run, {@code admission} is given what the request may do to the
     * data ({@link UpdateEffects}; IAM authorization decides on it). To refuse the request it throws; the
     * exception reaches the caller as it is, and nothing runs or is logged.
     */
    public Optional<CommitInfo> update(String request, Duration timeout, Consumer<UpdateEffects> admission) {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        UpdateRequest parsed = UpdateParsing.parse(request);
        admission.accept(UpdateEffects.of(parsed));
        UpdateOperations.refuseServiceCalls(parsed);
        PendingUpdate pending = new PendingUpdate(parsed, deadline);
        waiting.add(pending);
        writer.lock();
        try {
            while (!pending.isDone()) {
                runBatch();
            }
        } finally {
            writer.unlock();
        }
        return pending.outcome();
    }

    /**
     * Under the writer's lock: runs the waiting updates (at most {@link #MAX_BATCH}) as described above.
     * Every update it takes from the queue is answered before it returns, whatever happens — its caller
     * waits for nothing else. An update that runs out of memory is undone and fails alone (Neptune's
     * MemoryLimitExceededException); the dataset is left as the last commit made it.
     */
    private void runBatch() {
        List<PendingUpdate> batch = new ArrayList<>();
        for (PendingUpdate p = waiting.poll(); p != null; p = batch.size() < MAX_BATCH ? waiting.poll() : null) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        List<PendingUpdate> committing = new ArrayList<>(batch.size());
        List<List<byte[]>> commits = new ArrayList<>(batch.size());
        boolean appended = false;
        stored.begin(TxnType.WRITE);
        ages.beginBatch();
        try {
            if (failure != null) {
                throw new NereidException(ErrorCode.INTERNAL_FAILURE, "Internal failure");
            }
            for (PendingUpdate update : batch) {
                NeptuneDatasetView view = new NeptuneDatasetView(stored, ages);
                NeptuneDatasetView.NetChange change;
                try {
                    for (Update operation : update.request.getOperations()) {
                        operations.run(view, update.request, operation, update.deadline);
                    }
                    change = view.netChange();
                } catch (RuntimeException | OutOfMemoryError e) {
                    view.revert();
                    update.failed(RdfErrors.from(e));
                    continue;
                }
                if (change.isEmpty()) {
                    update.committed(Optional.empty());
                    continue;
                }
                ages.apply(change.removed(), change.added());
                committing.add(update);
                commits.add(records(change));
            }
            if (commits.isEmpty()) {
                stored.abort();
                ages.endBatch();
                return;
            }
            List<CommitInfo> infos;
            try {
                infos = log.appendAll(commits);
            } catch (IOException e) {
                failure = e;
                LOG.error("SPARQL log append failed; refusing further updates", e);
                throw new NereidException(ErrorCode.INTERNAL_FAILURE, "Internal failure");
            }
            appended = true;
            stored.commit();
            ages.endBatch();
            for (int i = 0; i < committing.size(); i++) {
                committing.get(i).committed(Optional.of(infos.get(i)));
            }
        } catch (RuntimeException | Error e) {
            if (appended && failure == null) {
                // The log holds commits the dataset does not: only a reopen from the log agrees with it again.
                failure = e;
                LOG.error("SPARQL dataset commit failed after its log append; refusing further updates", e);
            }
            if (stored.isInTransaction()) {
                stored.abort();
            }
            if (!appended) {
                ages.undoBatch();
            }
            NereidException reported = RdfErrors.from(e);
            for (PendingUpdate update : batch) {
                if (!update.isDone()) {
                    update.failed(reported);
                }
            }
        } finally {
            stored.end();
        }
    }

    private static List<byte[]> records(NeptuneDatasetView.NetChange change) {
        List<byte[]> records = new ArrayList<>(change.removed().size() + change.added().size());
        for (Quad q : change.removed()) {
            records.add(RecordCodec.encode(Op.REMOVE, new RdfData(NQuadsLine.of(q)).toJson()));
        }
        for (Quad q : change.added()) {
            records.add(RecordCodec.encode(Op.ADD, new RdfData(NQuadsLine.of(q)).toJson()));
        }
        return records;
    }

    /** A step that may fail with an I/O error, run while no update is in flight. */
    @FunctionalInterface
    public interface LogAction {
        void run() throws IOException;
    }

    /**
     * Fast reset (spec §7): runs {@code resetLogs} — which must reset this store's log — and empties the
     * dataset, holding the write transaction so no update can land between the two. A failed append
     * before it no longer matters: the log starts again.
     */
    public void resetWith(LogAction resetLogs) throws IOException {
        writer.lock();
        try {
            stored.begin(TxnType.WRITE);
            try {
                resetLogs.run();
                stored.clear();
                ages.clear();
                snapshotDir.deleteAll();
                stored.commit();
                failure = null;
            } finally {
                stored.end();
            }
        } finally {
            writer.unlock();
        }
    }

    /**
     * Deletes every RDF snapshot in {@code dir}: after a log reset they describe a history that no longer
     * exists, and one could otherwise be taken for a point of the new history once commitNums catch up.
     */
    public static void deleteSnapshots(Path dir) throws IOException {
        new SnapshotDirectory(dir, RdfSnapshotFile.EXTENSION).deleteAll();
    }

    @Override
    public String name() {
        return "rdf";
    }

    @Override
    public ChangeLog log() {
        return log;
    }

    /**
     * Writes a snapshot of the store at the log's last commit and registers it with the log, so retention
     * may delete what it covers; keeps the two newest snapshot files. Updates wait only while the quads
     * are copied in memory, not while the file is written.
     */
    @Override
    public synchronized OptionalLong snapshot() throws IOException {
        if (!snapshotDir.isEnabled()) {
            return OptionalLong.empty();
        }
        CommitInfo at;
        List<Map.Entry<Quad, Long>> aged;
        writer.lock();
        try {
            if (failure != null) {
                return OptionalLong.empty();
            }
            at = log.lastCommit().orElse(null);
            aged = at == null ? List.of() : ages.copy();
        } finally {
            writer.unlock();
        }
        if (at == null) {
            return OptionalLong.empty();
        }
        List<Quad> quads = QuadAges.inAgeOrder(aged);
        RdfSnapshotFile.write(snapshotDir, at.commitNum(), at.commitTimestamp(), quads);
        log.registerSnapshot(at.commitNum());
        snapshotDir.keepNewest(2);
        return OptionalLong.of(at.commitNum());
    }

    @Override
    public long lastSnapshotCommitNum() throws IOException {
        return snapshotDir.newestCommitNum();
    }

    /** Reads the committed dataset, with Neptune's view of the default graph, in a read transaction. */
    public <T> T read(Function<DatasetGraph, T> reader) {
        stored.begin(TxnType.READ);
        try {
            return reader.apply(new NeptuneDatasetView(stored));
        } finally {
            stored.end();
        }
    }

    /** Every stored quad as its N-Quads line, sorted: what two stores are compared by. */
    public List<String> content() {
        return read(dsg -> {
            List<String> lines = new ArrayList<>();
            dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> lines.add(NQuadsLine.of(q)));
            lines.sort(null);
            return lines;
        });
    }

    /** Updates queued for the writer and not yet taken into a batch. */
    int queuedUpdates() {
        return waiting.size();
    }

    /** Every stored quad as its N-Quads line, oldest first: the order bulk removals follow. */
    List<String> contentOldestFirst() {
        writer.lock();
        try {
            return QuadAges.inAgeOrder(ages.copy()).stream().map(NQuadsLine::of).toList();
        } finally {
            writer.unlock();
        }
    }

    @Override
    public void close() {
        stored.close();
    }
}
