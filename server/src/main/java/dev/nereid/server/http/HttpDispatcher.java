package dev.nereid.server.http;

import dev.nereid.server.auth.Authentication;
import dev.nereid.server.auth.Caller;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each request into exactly one response: route lookup, the gate, the route, and the one
 * error mapping. Sits on the connection's event loop and runs each request on the worker pool through the
 * connection's {@link ConnectionQueue}, so routes may block, answers keep their order, and a slow request holds
 * up only its own connection.
 *
 * <p>Precedence (spec §4): authentication (403) first, then the route (400 bad route), then the route's own
 * checks, among which what the caller may do.
 */
@ChannelHandler.Sharable
public final class HttpDispatcher extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(HttpDispatcher.class);
    private static final AttributeKey<ConnectionQueue> QUEUE = AttributeKey.valueOf("nereid.requests");

    private final Router router;
    private final RequestGate gate;
    private final Set<Route> ungated;
    private final Authentication authentication;
    private final Executor workers;

    /**
     * @param ungated        routes that run while the gate is closed (the fast reset closes it itself)
     * @param authentication says who sent each request, before anything else is looked at
     * @param workers        the pool requests run on, shared by all connections
     */
    public HttpDispatcher(Router router, RequestGate gate, Set<Route> ungated, Authentication authentication,
                          Executor workers) {
        this.router = router;
        this.gate = gate;
        this.ungated = Set.copyOf(ungated);
        this.authentication = authentication;
        this.workers = workers;
    }

    /** Called on the event loop only, so the lazily made queue needs no lock. */
    private ConnectionQueue queue(ChannelHandlerContext ctx) {
        ConnectionQueue queue = ctx.channel().attr(QUEUE).get();
        if (queue == null) {
            queue = new ConnectionQueue(workers);
            ctx.channel().attr(QUEUE).set(queue);
        }
        return queue;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            queue(ctx).execute(() -> {
                try {
                    dispatch(ctx, request);
                } finally {
                    request.release();
                }
            });
        } catch (RejectedExecutionException e) {
            // The server is stopping: nothing will run this request.
            request.release();
            ctx.close();
        }
    }

    private void dispatch(ChannelHandlerContext ctx, FullHttpRequest request) {
        String requestId = UUID.randomUUID().toString();
        boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
        if (request.decoderResult().isFailure()) {
            send(ctx, ErrorResponses.of(ErrorCode.BAD_REQUEST, malformed(request.decoderResult().cause()), requestId),
                    requestId, false);
            return;
        }
        // Before the route: a client that cannot prove who it is learns nothing, not even which paths exist.
        Caller caller;
        try {
            caller = authentication.authenticate(request, ctx.channel().remoteAddress());
        } catch (NereidException e) {
            send(ctx, ErrorResponses.of(e.errorCode(), e.detailedMessage(), requestId), requestId, keepAlive);
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.rawPath();
        Optional<Route> route = router.find(path);
        if (route.isEmpty()) {
            send(ctx, ErrorResponses.of(ErrorCode.BAD_ROUTE, "Bad route: " + path, requestId), requestId, keepAlive);
            return;
        }
        Map<String, List<String>> parameters;
        try {
            parameters = uri.parameters();
        } catch (IllegalArgumentException e) {
            send(ctx, ErrorResponses.of(ErrorCode.BAD_REQUEST, "The query string is not validly percent-encoded: "
                    + e.getMessage(), requestId), requestId, keepAlive);
            return;
        }
        boolean gated = !ungated.contains(route.get());
        if (gated && !gate.tryEnter()) {
            send(ctx, ErrorResponses.of(ErrorCode.SERVER_SHUTDOWN,
                    gate.closedBecause().orElse("Server is shutting down"), requestId), requestId, keepAlive);
            return;
        }
        // The gate stays entered until the last byte is handed over: a streamed body still reads the log.
        try {
            HttpResponse response = respond(route.get(), new HttpExchange(request, path, parameters, requestId, caller));
            send(ctx, response, requestId, keepAlive);
        } finally {
            if (gated) {
                gate.exit();
            }
        }
    }

    private static HttpResponse respond(Route route, HttpExchange exchange) {
        try {
            return route.handle(exchange);
        } catch (HttpExchange.MethodNotAllowed e) {
            FullHttpResponse response = ErrorResponses.of(e.errorCode(), e.detailedMessage(), exchange.requestId());
            response.headers().set(HttpHeaderNames.ALLOW, e.allowHeader());
            return response;
        } catch (NereidException e) {
            return ErrorResponses.of(e.errorCode(), e.detailedMessage(), exchange.requestId());
        } catch (Exception | StackOverflowError | OutOfMemoryError | LinkageError e) {
            // A LinkageError is a library mismatch on the class path: still a 500, never a silent drop.
            LOG.error("request {} {} {} failed", exchange.requestId(), exchange.method(), exchange.path(), e);
            return ErrorResponses.of(ErrorCode.INTERNAL_FAILURE, ErrorResponses.INTERNAL_FAILURE_MESSAGE,
                    exchange.requestId());
        }
    }

    /** What a request Netty could not decode is told; only the limits are worth naming. */
    private static String malformed(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return "Malformed HTTP request: the request line is longer than " + HttpPipeline.MAX_REQUEST_LINE_BYTES
                    + " bytes";
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return "Malformed HTTP request: the headers are longer than " + HttpPipeline.MAX_HEADER_BYTES + " bytes";
        }
        return "Malformed HTTP request";
    }

    private static void send(ChannelHandlerContext ctx, HttpResponse response, String requestId, boolean keepAlive) {
        response.headers().set(Responses.REQUEST_ID_HEADER, requestId);
        HttpUtil.setKeepAlive(response, keepAlive);
        if (response instanceof StreamedResponse streamed) {
            sendStreamed(ctx, streamed, requestId, keepAlive);
            return;
        }
        ChannelFuture written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Head first, then each chunk as soon as it exists, so the client reads while the rest renders. */
    private static void sendStreamed(ChannelHandlerContext ctx, StreamedResponse response, String requestId,
                                     boolean keepAlive) {
        try (StreamedResponse.Body body = response.body()) {
            ctx.write(response);
            body.writeTo((bytes, offset, length) ->
                    ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes, offset, length))));
            ChannelFuture written = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        } catch (IOException | RuntimeException e) {
            // The head is out: the only honest way to fail now is to cut the connection short.
            LOG.warn("request {}: body failed after the head was sent; closing the connection: {}", requestId,
                    e.toString());
            ctx.close();
        }
    }

    /**
     * The client has shut its output. Requests it sent before are in the connection's queue ahead of this,
     * so closing after them answers every one.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof ChannelInputShutdownEvent) {
            Runnable close = () -> ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            try {
                queue(ctx).execute(close);
            } catch (RejectedExecutionException e) {
                ctx.close();
            }
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A peer that resets its connection, or closes it or sends bytes that are not HTTP mid-request, is
        // routine; it must not fill the log with stack traces. Anything else dropped a connection without
        // an answer, which is a bug worth its trace.
        if (cause instanceof java.io.IOException || cause instanceof io.netty.handler.codec.DecoderException
                || cause instanceof io.netty.handler.codec.PrematureChannelClosureException) {
            LOG.debug("connection {} closed after: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            LOG.error("connection {} closed without an answer", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
