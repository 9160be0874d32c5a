package dev.nereid.server.gremlin;

import java.util.Collections;
import java.util.Iterator;
import org.apache.tinkerpop.gremlin.process.traversal.Bytecode;
import org.apache.tinkerpop.gremlin.process.traversal.GraphOp;
import org.apache.tinkerpop.gremlin.server.Context;
import org.apache.tinkerpop.gremlin.server.op.OpProcessorException;
import org.apache.tinkerpop.gremlin.server.op.session.Session;
import org.apache.tinkerpop.gremlin.server.op.session.SessionOpProcessor;
import org.apache.tinkerpop.gremlin.structure.Graph;
import org.apache.tinkerpop.gremlin.util.Tokens;
import org.apache.tinkerpop.gremlin.util.function.ThrowingConsumer;
import org.apache.tinkerpop.gremlin.util.message.RequestMessage;
import org.apache.tinkerpop.gremlin.util.message.ResponseMessage;
import org.apache.tinkerpop.gremlin.util.message.ResponseStatusCode;

/**
 * Sessions, which carry the drivers' remote transactions ({@code g.tx()}): TinkerPop's processor, with
 * two changes. A new session gets Nereid's script engine: each session evaluates scripts with a script
 * engine manager of its own, which would otherwise find TinkerPop's engines (and for the default
 * language, Groovy, which is not on the class path). And failures, including those of a transaction's
 * commit, are converted into {@link GremlinFailure}s.
 */
@SuppressWarnings({"rawtypes", "try"}) // TinkerPop\'s signatures: raw iterators, close() throws Exception
final class NeptuneSessionOpProcessor extends SessionOpProcessor {

    @Override
    public ThrowingConsumer<Context> select(Context context) throws OpProcessorException {
        RequestMessage message = context.getRequestMessage();
        if (message.getArgs().get(Tokens.ARGS_SESSION) instanceof String id) {
            // Requests of a session arrive on its channel's event loop, one at a time: nothing else creates it now.
            boolean created = !sessions.containsKey(id);
            Session session = getSession(context, message);
            if (created) {
                NeptuneScriptEngines.registerIn(session.getGremlinExecutor().getScriptEngineManager());
            }
        }
        return super.select(context);
    }

    @Override
    protected void handleIterator(Context context, Iterator itty) throws InterruptedException {
        GremlinFailure.converting(() -> super.handleIterator(context, itty));
    }

    @Override
    protected void handleIterator(Context context, Iterator itty, Graph graph) throws InterruptedException {
        GremlinFailure.converting(() -> super.handleIterator(context, itty, graph));
    }

    /**
     * A remote transaction's commit or rollback, as TinkerPop runs it (on the session's thread, which
     * holds the transaction, with no timeout), but failing in Neptune's terms: a commit may be refused.
     */
    @Override
    protected void handleGraphOperation(Bytecode bytecode, Graph graph, Context context) {
        boolean commit = GraphOp.TX_COMMIT.equals(bytecode);
        if (!commit && !GraphOp.TX_ROLLBACK.equals(bytecode)) {
            super.handleGraphOperation(bytecode, graph, context);
            return;
        }
        RequestMessage message = context.getRequestMessage();
        Session session = getSession(context, message);
        session.getGremlinExecutor().getExecutorService().submit(() -> {
            try {
                if (graph.tx().isOpen()) {
                    if (commit) {
                        graph.tx().commit();
                    } else {
                        graph.tx().rollback();
                    }
                }
                context.writeAndFlush(ResponseMessage.build(message).code(ResponseStatusCode.NO_CONTENT)
                        .statusAttributes(generateStatusAttributes(context.getChannelHandlerContext(), message,
                                ResponseStatusCode.NO_CONTENT, Collections.emptyIterator(), context.getSettings()))
                        .create());
            } catch (RuntimeException | StackOverflowError e) {
                if (graph.tx().isOpen()) {
                    graph.tx().rollback();
                }
                context.writeAndFlush(GremlinFailure.of(e).response(message));
            }
        });
    }
}
