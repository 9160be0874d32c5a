package dev.nereid.server.gremlin;

import java.util.Iterator;
import org.apache.tinkerpop.gremlin.server.Context;
import org.apache.tinkerpop.gremlin.server.op.standard.StandardOpProcessor;

/**
 * Sessionless scripts: TinkerPop's processor, with a failure while the result is iterated, serialized
 * or committed (as one transaction, through the graph manager) converted into a {@link GremlinFailure}.
 */
@SuppressWarnings({"rawtypes", "try"}) // TinkerPop\'s signatures: raw iterators, close() throws Exception
final class NeptuneStandardOpProcessor extends StandardOpProcessor {

    @Override
    protected void handleIterator(Context context, Iterator itty) throws InterruptedException {
        GremlinFailure.converting(() -> super.handleIterator(context, itty));
    }
}
