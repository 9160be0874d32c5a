package dev.nereid.server.http;

import dev.nereid.stream.ErrorCode;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import java.util.List;
import java.util.UUID;

/**
 * Installs Nereid's HTTP handlers into a channel pipeline, and takes them out again when a connection
 * becomes another protocol's (a WebSocket upgrade hands the channel to Gremlin Server's handlers).
 */
public final class HttpPipeline {
    /** Neptune's largest request, 150 MiB: the default of {@code --max-body-bytes}. */
    public static final int DEFAULT_MAX_BODY_BYTES = 157_286_400;
    private static final List<String> NAMES = List.of("http-codec", "nereid-request-limit", "http-keep-alive",
            "http-aggregator", "nereid-upgrades", "nereid-dispatcher");

    private HttpPipeline() {
    }

    /**
     * @param limit        the cap on requests being processed, counted from their first line
     * @param maxBodyBytes the largest body accepted; a larger one is refused before it is all read
     * @param upgrades     sees each whole request first, on the connection's event loop, and passes on those
     *                     it does not take over (a WebSocket upgrade)
     */
    public static void install(ChannelPipeline pipeline, ConcurrencyLimit limit, int maxBodyBytes,
                               ChannelHandler upgrades, HttpDispatcher dispatcher) {
        pipeline.addLast(NAMES.get(0), new HttpServerCodec());
        pipeline.addLast(NAMES.get(1), limit.newHandler());
        pipeline.addLast(NAMES.get(2), new HttpServerKeepAliveHandler());
        pipeline.addLast(NAMES.get(3), new NeptuneAggregator(maxBodyBytes));
        pipeline.addLast(NAMES.get(4), upgrades);
        pipeline.addLast(NAMES.get(5), dispatcher);
    }

    /** Removes every handler {@link #install} added; call on the connection's event loop. */
    public static void remove(ChannelPipeline pipeline) {
        for (String name : NAMES) {
            pipeline.remove(name);
        }
    }

    /** Answers an oversized body as Neptune does (400, its message) instead of Netty's bare 413. */
    private static final class NeptuneAggregator extends HttpObjectAggregator {
        NeptuneAggregator(int maxContentLength) {
            super(maxContentLength);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            String requestId = UUID.randomUUID().toString();
            FullHttpResponse response = ErrorResponses.of(ErrorCode.BAD_REQUEST,
                    "Request size exceeds max allowed value of " + maxContentLength() + " bytes.", requestId);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
