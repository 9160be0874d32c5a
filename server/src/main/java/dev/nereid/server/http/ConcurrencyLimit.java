package dev.nereid.server.http;

import dev.nereid.stream.ErrorCode;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server-wide cap on HTTP requests being processed. A request counts from its headers, on the
 * connection's event loop, until the last byte of its response is written: requests queued for a worker
 * count as much as running ones, or a flood would queue without bound behind the workers. One over the cap
 * is answered at once with Neptune's 429 {@code TooManyRequestsException}, and its connection is closed
 * because its body is never read.
 */
public final class ConcurrencyLimit {
    static final String MESSAGE = "The number of requests being processed exceeds the limit.";

    private final int max;
    private final AtomicInteger inProgress = new AtomicInteger();

    public ConcurrencyLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("the request limit must be at least 1, was " + max);
        }
        this.max = max;
    }

    private boolean tryAcquire() {
        while (true) {
            int now = inProgress.get();
            if (now >= max) {
                return false;
            }
            if (inProgress.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** A new handler for one connection (it keeps count of that connection's requests). */
    ChannelDuplexHandler newHandler() {
        return new Handler();
    }

    /** Counts a connection's requests in on the way in and out when their responses end. */
    private final class Handler extends ChannelDuplexHandler {
        /** This connection's requests counted and not yet answered (several when a client pipelines). */
        private int held;
        private boolean refusing;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (refusing) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest) {
                if (!tryAcquire()) {
                    refusing = true;
                    ReferenceCountUtil.release(msg);
                    FullHttpResponse response = ErrorResponses.of(ErrorCode.TOO_MANY_REQUESTS, MESSAGE,
                            UUID.randomUUID().toString());
                    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                    return;
                }
                held++;
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (held > 0 && endsAResponse(msg)) {
                held--;
                inProgress.decrementAndGet();
            }
            ctx.write(msg, promise);
        }

        /** A 100 Continue is not the answer; a response ends with its last content (a full response is one). */
        private boolean endsAResponse(Object msg) {
            if (msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                return false;
            }
            return msg instanceof LastHttpContent;
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            releaseHeld();
            super.channelInactive(ctx);
        }

        /** Taken out when the connection becomes a WebSocket: whatever it held is no longer an HTTP request. */
        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            releaseHeld();
        }

        private void releaseHeld() {
            if (held > 0) {
                inProgress.addAndGet(-held);
                held = 0;
            }
        }
    }
}
