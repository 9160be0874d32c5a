package dev.nereid.server.gremlin;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.tinkerpop.gremlin.groovy.engine.GremlinExecutor;
import org.apache.tinkerpop.gremlin.server.Context;
import org.apache.tinkerpop.gremlin.server.GraphManager;
import org.apache.tinkerpop.gremlin.server.Settings;
import org.apache.tinkerpop.gremlin.server.op.OpProcessorException;
import org.apache.tinkerpop.gremlin.util.function.ThrowingConsumer;
import org.apache.tinkerpop.gremlin.util.message.RequestMessage;
import org.apache.tinkerpop.gremlin.util.message.ResponseStatusCode;
import org.javatuples.Pair;

/**
 * Runs the op the selector chose for a request, in place of Gremlin Server's executor, with two changes.
 * What the op throws is answered in Neptune's terms: Gremlin Server answers an exception other than an
 * {@link OpProcessorException} as an unexplained server error and an Error not at all, and bytecode it
 * cannot translate as a serialization error ({@link UntranslatableBytecode}). And the request counts as
 * in flight on its connection until its final answer is written ({@link InFlightRequests}).
 */
@ChannelHandler.Sharable
final class NeptuneOpExecutor extends SimpleChannelInboundHandler<Pair<RequestMessage, ThrowingConsumer<Context>>> {
    private final Settings settings;
    private final GraphManager graphManager;
    private final GremlinExecutor gremlinExecutor;
    private final ScheduledExecutorService scheduler;

    NeptuneOpExecutor(Settings settings, GraphManager graphManager, GremlinExecutor gremlinExecutor,
                      ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.graphManager = graphManager;
        this.gremlinExecutor = gremlinExecutor;
        this.scheduler = scheduler;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Pair<RequestMessage, ThrowingConsumer<Context>> selected) {
        RequestMessage request = selected.getValue0();
        InFlightRequests inFlight = InFlightRequests.of(ctx.channel());
        Context context = new Counted(request, ctx, inFlight);
        inFlight.started();
        try {
            selected.getValue1().accept(context);
        } catch (OpProcessorException e) {
            context.writeAndFlush(UntranslatableBytecode.inNeptuneTerms(e, context).getResponseMessage());
        } catch (Exception | StackOverflowError e) {
            context.writeAndFlush(GremlinFailure.of(e).response(request));
        }
    }

    /** A request's context that tells its connection when the request's final answer is written. */
    private final class Counted extends Context {
        private final InFlightRequests inFlight;
        private final AtomicBoolean answered = new AtomicBoolean();

        Counted(RequestMessage request, ChannelHandlerContext ctx, InFlightRequests inFlight) {
            super(request, ctx, settings, graphManager, gremlinExecutor, scheduler);
            this.inFlight = inFlight;
        }

        @Override
        public void writeAndFlush(ResponseStatusCode code, Object response) {
            super.writeAndFlush(code, response);
            countAnswer();
        }

        @Override
        public void write(ResponseStatusCode code, Object response) {
            super.write(code, response);
            countAnswer();
        }

        private void countAnswer() {
            if (isFinalResponseWritten() && answered.compareAndSet(false, true)) {
                inFlight.answered();
            }
        }
    }
}
