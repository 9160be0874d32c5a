package dev.nereid.server.http;

import dev.nereid.stream.ErrorCode;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Installs Nereid's HTTP handlers into a channel pipeline, and takes them out again when a connection
 * becomes another protocol's (a WebSocket upgrade hands the channel to Gremlin Server's handlers).
 */
public final class HttpPipeline {
    /** Neptune's largest request, 150 MiB: the default of {@code --max-body-bytes}. */
    public static final int DEFAULT_MAX_BODY_BYTES = 157_286_400;
    static final int MAX_REQUEST_LINE_BYTES = 64 * 1024;
    static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final List<String> NAMES = List.of(RequestReadTimeout.BYTES, "http-codec", "nereid-lingering-close",
            "nereid-request-limit", RequestReadTimeout.MESSAGES, "http-keep-alive", "http-aggregator", "nereid-upgrades",
            "nereid-dispatcher");

    private HttpPipeline() {
    }

    /**
     * @param limit        the cap on requests being processed, counted from their headers
     * @param maxBodyBytes the largest body accepted; a larger one is refused before it is all read
     * @param requestReadTimeout how long a request's headers may take to arrive, and its body may pause
     * @param upgrades     sees each whole request first, on the connection's event loop, and passes on those
     *                     it does not take over (a WebSocket upgrade)
     */
    public static void install(ChannelPipeline pipeline, ConcurrencyLimit limit, int maxBodyBytes,
                               Duration requestReadTimeout, ChannelHandler upgrades, HttpDispatcher dispatcher) {
        RequestReadTimeout readTimeout = new RequestReadTimeout(requestReadTimeout);
        pipeline.addLast(NAMES.get(0), readTimeout.bytes());
        // Netty's 4 KiB request line would refuse a SPARQL or Gremlin GET of a few kilobytes, which clients send.
        pipeline.addLast(NAMES.get(1), new HttpServerCodec(MAX_REQUEST_LINE_BYTES, MAX_HEADER_BYTES, 8192));
        pipeline.addLast(NAMES.get(2), new LingeringClose());
        pipeline.addLast(NAMES.get(3), limit.newHandler());
        pipeline.addLast(NAMES.get(4), readTimeout.messages());
        pipeline.addLast(NAMES.get(5), new HttpServerKeepAliveHandler());
        pipeline.addLast(NAMES.get(6), new NeptuneAggregator(maxBodyBytes));
        pipeline.addLast(NAMES.get(7), upgrades);
        pipeline.addLast(NAMES.get(8), dispatcher);
    }

    /** Removes every handler {@link #install} added; call on the connection's event loop. */
    public static void remove(ChannelPipeline pipeline) {
        for (String name : NAMES) {
            pipeline.remove(name);
        }
    }

    /**
     * Netty's aggregator with its own refusals in Neptune's format: an oversized body gets Neptune's 400 and
     * message instead of Netty's bare 413, and so does an {@code Expect} Netty refuses before reading the
     * body, which it would answer with an empty 417 or 413 and no request id. Both close the connection.
     */
    private static final class NeptuneAggregator extends HttpObjectAggregator {
        NeptuneAggregator(int maxContentLength) {
            super(maxContentLength);
        }

        /**
         * Closing at once while the client is still sending its body makes the kernel reset the connection, which
         * can destroy the answer before the client reads it. So, as Netty does, a keep-alive connection stays open
         * and the aggregator skips the rest of the body; the others close once the answer is out, which
         * {@link LingeringClose} delays until the client stops sending.
         */
        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            ChannelFuture written = ctx.writeAndFlush(tooLarge());
            if (oversized instanceof FullHttpMessage
                    || !HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized)) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        }

        /**
         * Netty's answer to the {@code Expect} header: null for none, a 100 Continue to let the client send
         * its body, or a refusal, which is replaced by Neptune's error (still a 4xx, which tells Netty the
         * body is not wanted). The connection then closes ({@link #closeAfterContinueResponse}).
         */
        @Override
        protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
            String expect = start.headers().get(HttpHeaderNames.EXPECT);
            Object netty = super.newContinueResponse(start, maxContentLength, pipeline);
            if (!(netty instanceof HttpResponse response)
                    || response.status().codeClass() != HttpStatusClass.CLIENT_ERROR) {
                return netty;
            }
            boolean unsupported = response.status().equals(HttpResponseStatus.EXPECTATION_FAILED);
            ReferenceCountUtil.release(netty);
            FullHttpResponse refusal = unsupported
                    // Neptune's codes carry their own status, and no 417 is among them: the request is at fault.
                    ? ErrorResponses.of(ErrorCode.BAD_REQUEST, "Unsupported Expect header: " + expect
                            + " (only 100-continue is supported)", UUID.randomUUID().toString())
                    // 100-continue with a Content-Length over the limit: the answer of a body found too large.
                    : tooLarge();
            refusal.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            return refusal;
        }

        /**
         * After a refused expectation Netty's decoder takes the next bytes for a new request, as if the client
         * had held its body back; one that sends it anyway (any client that does not know the expectation it
         * named) would have its body read as a request. Whether a body follows cannot be told, so the
         * connection ends, as after a body found too large.
         */
        @Override
        protected boolean closeAfterContinueResponse(Object response) {
            return ignoreContentAfterContinueResponse(response);
        }

        private FullHttpResponse tooLarge() {
            return ErrorResponses.of(ErrorCode.BAD_REQUEST,
                    "Request size exceeds max allowed value of " + maxContentLength() + " bytes.",
                    UUID.randomUUID().toString());
        }
    }
}
