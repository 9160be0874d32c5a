package dev.nereid.server.gremlin;

import java.util.Iterator;
import org.apache.tinkerpop.gremlin.server.Context;
import org.apache.tinkerpop.gremlin.server.op.traversal.TraversalOpProcessor;
import org.apache.tinkerpop.gremlin.structure.Graph;

/**
 * Sessionless bytecode: TinkerPop's processor, with a failure while the traversal is iterated or
 * committed converted into a {@link GremlinFailure}. (What its strategies refuse is converted by
 * {@link VerificationInNeptuneTerms}.)
 */
@SuppressWarnings({"rawtypes", "try"}) // TinkerPop\'s signatures: raw iterators, close() throws Exception
final class NeptuneTraversalOpProcessor extends TraversalOpProcessor {

    @Override
    protected void handleIterator(Context context, Iterator itty, Graph graph) throws InterruptedException {
        GremlinFailure.converting(() -> super.handleIterator(context, itty, graph));
    }
}
