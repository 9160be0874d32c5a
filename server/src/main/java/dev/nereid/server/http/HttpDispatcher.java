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
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each request into exactly one response: route lookup, the gate, the route, and the one
 * error mapping. Added to the pipeline on a worker executor, so routes may block.
 *
 * <p>Precedence (spec §4): authentication (403) first, then the route (400 bad route), then the route's own
 * checks, among which what the caller may do.
 */
@ChannelHandler.Sharable
public final class HttpDispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(HttpDispatcher.class);

    private final Router router;
    private final RequestGate gate;
    private final Set<Route> ungated;
    private final Authentication authentication;

    /**
     * @param ungated        routes that run while the gate is closed (the fast reset closes it itself)
     * @param authentication says who sent each request, before anything else is looked at
     */
    public HttpDispatcher(Router router, RequestGate gate, Set<Route> ungated, Authentication authentication) {
        this.router = router;
        this.gate = gate;
        this.ungated = Set.copyOf(ungated);
        this.authentication = authentication;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String requestId = UUID.randomUUID().toString();
        boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
        if (request.decoderResult().isFailure()) {
            send(ctx, ErrorResponses.of(ErrorCode.BAD_REQUEST, "Malformed HTTP request", requestId), requestId, false);
            return;
        }
        // Before the route: a client that cannot prove who it is learns nothing, not even which paths exist.
        Caller caller;
        try {
            caller = authentication.authenticate(request);
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
        boolean gated = !ungated.contains(route.get());
        if (gated && !gate.tryEnter()) {
            send(ctx, ErrorResponses.of(ErrorCode.SERVER_SHUTDOWN,
                    gate.closedBecause().orElse("Server is shutting down"), requestId), requestId, keepAlive);
            return;
        }
        // The gate stays entered until the last byte is handed over: a streamed body still reads the log.
        try {
            HttpResponse response = respond(route.get(), new HttpExchange(request, path, uri.parameters(), requestId, caller));
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
     * The client has shut its output. Requests it sent before reach this handler first (one ordered
     * executor per channel), so closing after what is queued answers every one of them.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof ChannelInputShutdownEvent) {
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
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
