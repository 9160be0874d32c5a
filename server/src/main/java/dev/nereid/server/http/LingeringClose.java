package dev.nereid.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import java.util.concurrent.TimeUnit;

/**
 * Ends a connection after an answer that said {@code Connection: close} without destroying that answer.
 * Closing a socket while the client is still sending (a request line of megabytes, a body past the limit, a
 * request refused before its body was read) makes the kernel answer the unread bytes with a reset, which
 * fails the client's writes and can reach it before it has read the response; a client that reads only once
 * it has sent everything, as {@code java.net.http} does, then gets nothing. So the first close after such an
 * answer shuts only the output, which tells the client the answer is complete, and reading goes on (the
 * decoder, the aggregator or the concurrency limit discards what comes). The connection closes when the
 * client shuts its side, or {@link #LINGER_MILLIS} later. Every other close happens at once.
 *
 * <p>It sits next to the codec, nearer the socket than anything that closes after an answer (the keep-alive
 * handler, the aggregator, the concurrency limit, the dispatcher), so every such close passes through it.
 */
final class LingeringClose extends ChannelOutboundHandlerAdapter {
    /** Long enough for a client on a slow link to stop sending once it has its answer; short enough to bound. */
    static final long LINGER_MILLIS = 2_000;
    private boolean answeredWithClose;
    private boolean lingering;

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response && !HttpUtil.isKeepAlive(response)) {
            answeredWithClose = true;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (!answeredWithClose || !(ctx.channel() instanceof DuplexChannel duplex) || !duplex.isActive()
                || duplex.isInputShutdown()) {
            ctx.close(promise);
            return;
        }
        if (lingering) {
            // Several handlers close after the same answer; the first one's close stands for all.
            duplex.closeFuture().addListener(closed -> promise.trySuccess());
            return;
        }
        lingering = true;
        ctx.flush();
        duplex.shutdownOutput().addListener(shut -> {
            if (shut.isSuccess()) {
                ctx.executor().schedule(() -> ctx.close(promise), LINGER_MILLIS, TimeUnit.MILLISECONDS);
            } else {
                ctx.close(promise);
            }
        });
    }
}
