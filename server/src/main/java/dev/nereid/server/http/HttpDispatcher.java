package dev.nereid.server.http;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each request into exactly one response: route lookup, the gate, the route, and the one
 * error mapping. Added to the pipeline on a worker executor, so routes may block.
 *
 * <p>Precedence (spec §4): route (400 bad route) first; then the route's own checks.
 */
@ChannelHandler.Sharable
public final class HttpDispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(HttpDispatcher.class);

    private final Router router;
    private final RequestGate gate;
    private final Set<Route> ungated;

    /**
     * @param ungated routes that run while the gate is closed (the fast reset closes it itself)
     */
    public HttpDispatcher(Router router, RequestGate gate, Set<Route> ungated) {
        this.router = router;
        this.gate = gate;
        this.ungated = Set.copyOf(ungated);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String requestId = UUID.randomUUID().toString();
        FullHttpResponse response = respond(request, requestId);
        response.headers().set(Responses.REQUEST_ID_HEADER, requestId);
        boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private FullHttpResponse respond(FullHttpRequest request, String requestId) {
        if (request.decoderResult().isFailure()) {
            return ErrorResponses.of(ErrorCode.BAD_REQUEST, "Malformed HTTP request", requestId);
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.rawPath();
        Optional<Route> route = router.find(path);
        if (route.isEmpty()) {
            return ErrorResponses.of(ErrorCode.BAD_ROUTE, "Bad route: " + path, requestId);
        }
        boolean gated = !ungated.contains(route.get());
        if (gated && !gate.tryEnter()) {
            return ErrorResponses.of(ErrorCode.SERVER_SHUTDOWN, gate.closedBecause().orElse("Server is shutting down"),
                    requestId);
        }
        try {
            return route.get().handle(new HttpExchange(request, path, uri.parameters(), requestId));
        } catch (HttpExchange.MethodNotAllowed e) {
            FullHttpResponse response = ErrorResponses.of(e.errorCode(), e.detailedMessage(), requestId);
            response.headers().set(HttpHeaderNames.ALLOW, e.allowed().name());
            return response;
        } catch (NereidException e) {
            return ErrorResponses.of(e.errorCode(), e.detailedMessage(), requestId);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            LOG.error("request {} {} {} failed", requestId, request.method(), path, e);
            return ErrorResponses.of(ErrorCode.INTERNAL_FAILURE, ErrorResponses.INTERNAL_FAILURE_MESSAGE, requestId);
        } finally {
            if (gated) {
                gate.exit();
            }
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A peer that resets its connection is routine; it must not fill the log with stack traces.
        LOG.debug("connection {} closed after: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
