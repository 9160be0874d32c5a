package dev.nereid.rdf;

import dev.nereid.stream.NereidException;
import dev.nereid.stream.ErrorCode;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.sparql.exec.UpdateExecBuilder;
import org.apache.jena.sparql.modify.request.UpdateDropClear;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How one operation of an update runs against the dataset view: by ARQ, except where Neptune's rules
 * or the server's safety need Nereid to do it (see {@link #run}).
 */
final class UpdateOperations {

    private final LocalLoad loader;

    UpdateOperations(LocalLoad loader) {
        this.loader = loader;
    }

    /** {@code SERVICE} would query any endpoint on the client's say-so, so an update may not name one. */
    static void refuseServiceCalls(UpdateRequest request) {
        for (Update operation : request.getOperations()) {
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
     * One operation of the request. Done here rather than by ARQ:
     * <ul>
     *   <li>{@code CLEAR}/{@code DROP NAMED} mean every graph but the one updates address (spec §6.2),
     *       where ARQ would take every graph the dataset lists; {@code ALL} removes everything oldest
     *       first, where ARQ would go graph by graph;</li>
     *   <li>{@code LOAD} reads only the load directory, and a document that fails writes nothing.</li>
     * </ul>
     */
    void run(NeptuneDatasetView view, UpdateRequest request, Update operation, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw NereidException.timeLimitExceeded();
        }
        if (operation instanceof UpdateDropClear clear && (clear.isAllNamed() || clear.isAll())) {
            if (clear.isAll()) {
                view.clear();
            } else {
                view.removeAllNamed();
            }
            return;
        }
        if (operation instanceof UpdateLoad load) {
            List<Quad> quads;
            try {
                quads = loader.read(load);
            } catch (NereidException e) {
                if (load.getSilent()) {
                    return;
                }
                throw e;
            }
            for (int i = 0; i < quads.size(); i++) {
                if ((i & 0x3fff) == 0 && System.nanoTime() - deadline > 0) {
                    throw NereidException.timeLimitExceeded();
                }
                view.add(quads.get(i));
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
}
