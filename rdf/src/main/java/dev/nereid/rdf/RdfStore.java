package dev.nereid.rdf;

import dev.nereid.log.ChangeLog;
import dev.nereid.log.CommitInfo;
import dev.nereid.log.LogCursor;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import dev.nereid.stream.Op;
import dev.nereid.stream.RdfData;
import dev.nereid.stream.RecordCodec;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.UpdateDropClear;
import org.apache.jena.update.Update;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.sparql.exec.UpdateExecBuilder;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The RDF store (DESIGN §1, spec §6): a Jena in-memory transactional dataset made durable by the
 * SPARQL change log. One update request — all its operations — is one transaction:
 * <ol>
 *   <li>run it in the dataset's write transaction against {@link NeptuneDatasetView};</li>
 *   <li>take its net change as N-Quads records, removals first (spec §6.2);</li>
 *   <li>append them to the log and wait until they are durable;</li>
 *   <li>only then commit the dataset's transaction, which makes the change visible.</li>
 * </ol>
 * An update that changes nothing takes no commitNum. The dataset has one writer at a time, so updates
 * are applied in commitNum order. If an append fails, the log's state is unknown and every later
 * update is refused until the store is opened again from its log.
 */
public final class RdfStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RdfStore.class);

    private final ChangeLog log;
    private final DatasetGraph stored = DatasetGraphFactory.createTxnMem();
    private volatile Throwable failure;

    private RdfStore(ChangeLog log) {
        this.log = log;
    }

    /** The store as its log describes it: every record, in order, applied to an empty dataset. */
    public static RdfStore open(ChangeLog log) throws IOException {
        RdfStore store = new RdfStore(log);
        store.replay();
        return store;
    }

    private void replay() throws IOException {
        long first = log.firstCommit().map(CommitInfo::commitNum).orElse(0L);
        if (first == 0) {
            return;
        }
        stored.begin(TxnType.WRITE);
        try (LogCursor cursor = log.cursor(first, 1)) {
            while (cursor.next()) {
                ByteBuffer record = cursor.record();
                Quad quad = NQuadsLine.parse(stmt(record));
                if (RecordCodec.op(record) == Op.ADD) {
                    stored.add(quad);
                } else {
                    stored.delete(quad);
                }
            }
            stored.commit();
        } finally {
            stored.end();
        }
    }

    private static String stmt(ByteBuffer record) {
        byte[] json = RecordCodec.data(record);
        return RdfData.fromJson(json).stmt();
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
     * run longer than {@code timeout} (null: no limit); a stopped update writes nothing.
     */
    public Optional<CommitInfo> update(String request, Duration timeout) {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        UpdateRequest parsed;
        try {
            parsed = UpdateFactory.create(request, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            throw new NereidException(ErrorCode.MALFORMED_QUERY, e.getMessage());
        }
        refuseOutboundReads(parsed);
        stored.begin(TxnType.WRITE);
        try {
            if (failure != null) {
                throw new NereidException(ErrorCode.INTERNAL_FAILURE, "Internal failure");
            }
            NeptuneDatasetView view = new NeptuneDatasetView(stored);
            for (Update operation : parsed.getOperations()) {
                run(view, parsed, operation, deadline);
            }
            NeptuneDatasetView.NetChange change = view.netChange();
            if (change.isEmpty()) {
                stored.abort();
                return Optional.empty();
            }
            CommitInfo info;
            try {
                info = log.append(records(change));
            } catch (IOException | RuntimeException e) {
                failure = e;
                LOG.error("SPARQL log append failed; refusing further updates", e);
                stored.abort();
                throw new NereidException(ErrorCode.INTERNAL_FAILURE, "Internal failure");
            }
            stored.commit();
            return Optional.of(info);
        } catch (RuntimeException e) {
            if (stored.isInTransaction()) {
                stored.abort();
            }
            throw RdfErrors.from(e);
        } finally {
            stored.end();
        }
    }

    /**
     * An update names no place for the server to read from: {@code LOAD} would read any URL or any file
     * the server can, and {@code SERVICE} would query any endpoint, on the client's say-so.
     */
    private static void refuseOutboundReads(UpdateRequest request) {
        for (Update operation : request.getOperations()) {
            if (operation instanceof UpdateLoad) {
                throw new NereidException(ErrorCode.UNSUPPORTED_OPERATION, "LOAD is not supported");
            }
            if (operation instanceof UpdateModify modify && modify.getWherePattern() != null) {
                boolean[] service = {false};
                ElementWalker.walk(modify.getWherePattern(), new ElementVisitorBase() {
                    @Override
                    public void visit(ElementService el) {
                        service[0] = true;
                    }
                });
                if (service[0]) {
                    throw new NereidException(ErrorCode.UNSUPPORTED_OPERATION, "SERVICE is not supported");
                }
            }
        }
    }

    /**
     * One operation of the request. {@code CLEAR NAMED} and {@code DROP NAMED} mean every graph but the
     * one updates address (spec §6.2); ARQ would take every graph the dataset lists, so they are done here.
     */
    private static void run(NeptuneDatasetView view, UpdateRequest request, Update operation, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw NereidException.timeLimitExceeded();
        }
        if (operation instanceof UpdateDropClear clear && clear.isAllNamed()) {
            for (Node graph : Iter.toList(view.listGraphNodes())) {
                if (!graph.equals(NQuadsLine.DEFAULT_GRAPH)) {
                    view.removeGraph(graph);
                }
            }
            return;
        }
        UpdateRequest one = new UpdateRequest();
        one.setPrefixMapping(request.getPrefixMapping());
        if (request.getBaseURI() != null) {
            one.setBaseURI(request.getBaseURI());
        }
        one.add(operation);
        UpdateExecBuilder exec = UpdateExec.dataset(view).update(one);
        if (deadline != Long.MAX_VALUE) {
            exec.timeout(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)), TimeUnit.MILLISECONDS);
        }
        exec.execute();
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
        stored.begin(TxnType.WRITE);
        try {
            resetLogs.run();
            stored.clear();
            stored.commit();
            failure = null;
        } finally {
            stored.end();
        }
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

    @Override
    public void close() {
        stored.close();
    }
}
