package dev.nereid.server.gremlin;

import dev.nereid.server.auth.Caller;
import dev.nereid.server.http.RequestGate;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.tinkerpop.gremlin.groovy.engine.GremlinExecutor;
import org.apache.tinkerpop.gremlin.server.Context;
import org.apache.tinkerpop.gremlin.server.GraphManager;
import org.apache.tinkerpop.gremlin.server.OpProcessor;
import org.apache.tinkerpop.gremlin.server.Settings;
import org.apache.tinkerpop.gremlin.server.op.OpProcessorException;
import org.apache.tinkerpop.gremlin.server.op.session.SessionOpProcessor;
import org.apache.tinkerpop.gremlin.server.op.standard.StandardOpProcessor;
import org.apache.tinkerpop.gremlin.server.op.traversal.TraversalOpProcessor;
import org.apache.tinkerpop.gremlin.util.Tokens;
import org.apache.tinkerpop.gremlin.util.message.RequestMessage;
import org.apache.tinkerpop.gremlin.util.message.ResponseMessage;
import org.apache.tinkerpop.gremlin.util.message.ResponseStatusCode;
import org.javatuples.Pair;

/**
 * Chooses the op processor for each request, in place of Gremlin Server's selector: that one takes
 * the processors TinkerPop registers once per JVM, this one Nereid's own (which fail in Neptune's
 * terms). Requests are turned away while the server is stopping or a fast reset runs, as HTTP ones are, and
 * held to what the connection's caller may do before anything runs. A request that cannot be decoded,
 * one with wrong arguments ({@link RequestArguments}) and one whose processor fails in an unexpected way
 * are answered here, in Neptune's terms; the others by {@link NeptuneOpExecutor}.
 */
@ChannelHandler.Sharable
final class NeptuneOpSelector extends MessageToMessageDecoder<RequestMessage> {
    /** Gremlin Server's words for a message it could not read, without the message it appends. */
    static final String UNDECODABLE = "Message could not be parsed. Check the format of the request.";
    private final Settings settings;
    private final GraphManager graphManager;
    private final GremlinExecutor gremlinExecutor;
    private final ScheduledExecutorService scheduler;
    private final RequestGate gate;
    private final Map<String, OpProcessor> processors;

    NeptuneOpSelector(Settings settings, GraphManager graphManager, GremlinExecutor gremlinExecutor,
                      ScheduledExecutorService scheduler, RequestGate gate) {
        this.settings = settings;
        this.graphManager = graphManager;
        this.gremlinExecutor = gremlinExecutor;
        this.scheduler = scheduler;
        this.gate = gate;
        this.processors = Map.of(
                StandardOpProcessor.OP_PROCESSOR_NAME, new NeptuneStandardOpProcessor(),
                TraversalOpProcessor.OP_PROCESSOR_NAME, new NeptuneTraversalOpProcessor(),
                SessionOpProcessor.OP_PROCESSOR_NAME, new NeptuneSessionOpProcessor());
        processors.values().forEach(p -> p.init(settings));
    }

    /** Set by the handshake; a connection without one (never the case) is refused everything. */
    private static Caller callerOf(ChannelHandlerContext ctx) {
        Caller caller = ctx.channel().attr(GremlinWebSocket.CALLER).get();
        return caller != null ? caller : Caller.NOBODY;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, RequestMessage request, List<Object> out) {
        if (undecodable(request)) {
            ctx.writeAndFlush(ResponseMessage.build(request).code(ResponseStatusCode.REQUEST_ERROR_MALFORMED_REQUEST)
                    .statusMessage(UNDECODABLE).create());
            return;
        }
        RequestMessage checked;
        try {
            checked = RequestArguments.checked(request, settings.evaluationTimeout);
        } catch (NereidException e) {
            // Answered before a Context exists: making one reads the arguments as Gremlin Server expects them.
            ctx.writeAndFlush(GremlinFailure.of(e).response(request));
            return;
        }
        Context context = new Context(checked, ctx, settings, graphManager, gremlinExecutor, scheduler);
        Optional<String> closed = gate.closedBecause();
        if (closed.isPresent()) {
            context.writeAndFlush(GremlinFailure.of(new NereidException(ErrorCode.SERVER_SHUTDOWN, closed.get()))
                    .response(checked));
            return;
        }
        try {
            GremlinAuthorization.check(callerOf(ctx), checked);
        } catch (RuntimeException | StackOverflowError e) {
            // Refused, or a script that does not parse: answered as evaluating it would have been.
            context.writeAndFlush(GremlinFailure.of(e).response(checked));
            return;
        }
        try {
            OpProcessor processor = processors.get(checked.getProcessor());
            if (processor == null) {
                String message = "Invalid OpProcessor requested [" + checked.getProcessor() + "]";
                throw new OpProcessorException(message, ResponseMessage.build(checked)
                        .code(ResponseStatusCode.REQUEST_ERROR_INVALID_REQUEST_ARGUMENTS).statusMessage(message).create());
            }
            out.add(Pair.with(checked, processor.select(context)));
        } catch (OpProcessorException e) {
            context.writeAndFlush(e.getResponseMessage());
        } catch (RuntimeException | StackOverflowError e) {
            context.writeAndFlush(GremlinFailure.of(e).response(checked));
        }
    }

    /**
     * What Gremlin Server's decoders make of a message they cannot read (bad bytes, a mime type no
     * serializer reads, GraphSON without an op), and a message naming no op or processor: a malformed
     * request, which Gremlin Server's processors answer as such and {@link NeptuneErrorEncoder} as a
     * BadRequestException, as the HTTP endpoint answers a body it cannot parse. (Not a MalformedQueryException:
     * Neptune means a query that does not parse, and here there is no query to speak of.)
     */
    private static boolean undecodable(RequestMessage request) {
        return request.getOp() == null || request.getProcessor() == null || Tokens.OPS_INVALID.equals(request.getOp());
    }
}
