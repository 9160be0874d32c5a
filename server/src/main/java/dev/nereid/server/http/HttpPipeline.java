package dev.nereid.server.http;

import dev.nereid.stream.ErrorCode;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.util.concurrent.EventExecutorGroup;
import java.util.UUID;

/**
 * Installs Nereid's HTTP handlers into a channel pipeline. Kept apart from the bootstrap so the
 * same handlers can sit in a pipeline another component (Gremlin Server) owns.
 */
public final class HttpPipeline {
    /** Largest request body accepted. */
    public static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    private HttpPipeline() {
    }

    public static void install(ChannelPipeline pipeline, EventExecutorGroup workers, HttpDispatcher dispatcher) {
        pipeline.addLast("http-codec", new HttpServerCodec());
        pipeline.addLast("http-keep-alive", new HttpServerKeepAliveHandler());
        pipeline.addLast("http-aggregator", new NeptuneAggregator(MAX_BODY_BYTES));
        pipeline.addLast(workers, "nereid-dispatcher", dispatcher);
    }

    /** Answers an oversized body in Neptune's error format instead of Netty's bare 413. */
    private static final class NeptuneAggregator extends HttpObjectAggregator {
        NeptuneAggregator(int maxContentLength) {
            super(maxContentLength);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            String requestId = UUID.randomUUID().toString();
            FullHttpResponse response = ErrorResponses.of(ErrorCode.BAD_REQUEST,
                    "Request body exceeds " + MAX_BODY_BYTES + " bytes", requestId);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
