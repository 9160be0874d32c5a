package dev.nereid.server.gremlin;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a Gremlin WebSocket connection ends when neither side closes it by the protocol: Gremlin Server's
 * handlers leave both cases open.
 *
 * <p>A client that shuts its output (the server allows half-closed connections for HTTP) sends nothing
 * more, and a WebSocket is not used half-open (RFC 6455 closes it with a close handshake), so the
 * connection is closed, then a close frame, once every request it sent has its answer: those already
 * written go first, and requests still running are waited for, as an HTTP client that half-closes after
 * its request still gets the response. The wait is bounded by the query timeout (and a second): a request
 * that outlives it (its client asked for a longer timeout) is abandoned as when the client drops the
 * connection, Gremlin Server stopping its results once the channel is inactive and rolling back what it
 * had not committed, and a session's transaction is rolled back when the session ends with its connection.
 *
 * <p>A failure no handler answered (a message longer than the largest request, which the frame aggregator
 * reports after dropping it; an error escaping a handler) would otherwise be logged and the message left
 * unanswered: the connection is closed with a close frame that says why.
 */
final class WebSocketEnds {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketEnds.class);
    /** Beyond the query timeout, for a timed-out request's answer to be written. */
    private static final long GRACE_MILLIS = 1_000;
    private static final WebSocketCloseStatus INPUT_SHUT = new WebSocketCloseStatus(
            WebSocketCloseStatus.NORMAL_CLOSURE.code(), "Client shut its output");

    private final ChannelHandler inputShutdown;
    private final ChannelHandler failures;

    /**
     * @param maxMessageBytes the largest message accepted, for the close frame of a larger one
     * @param queryTimeoutMillis how long a request may run, so how long a half-closed connection waits for answers
     */
    WebSocketEnds(int maxMessageBytes, long queryTimeoutMillis) {
        this.inputShutdown = new InputShutdown(queryTimeoutMillis + GRACE_MILLIS);
        this.failures = new Failures(maxMessageBytes);
    }

    /** Closes the connection once the client has shut its side. */
    ChannelHandler inputShutdown() {
        return inputShutdown;
    }

    /** Closes the connection on a failure no handler took. */
    ChannelHandler failures() {
        return failures;
    }

    private static void close(ChannelHandlerContext ctx, WebSocketCloseStatus status) {
        // Written after what is already queued; the connection closes whether or not it could be sent.
        ctx.channel().writeAndFlush(new CloseWebSocketFrame(status)).addListener(ChannelFutureListener.CLOSE);
    }

    @ChannelHandler.Sharable
    private static final class InputShutdown extends ChannelInboundHandlerAdapter {
        private final long waitMillis;

        InputShutdown(long waitMillis) {
            this.waitMillis = waitMillis;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            // First the handlers after this one: the frame decoder hands on what it still holds.
            ctx.fireUserEventTriggered(evt);
            if (evt instanceof ChannelInputShutdownEvent) {
                AtomicBoolean closing = new AtomicBoolean();
                // On the event loop, after the writes of the last answer, which its thread queued there before.
                Runnable close = () -> ctx.channel().eventLoop().execute(() -> {
                    if (closing.compareAndSet(false, true)) {
                        close(ctx, INPUT_SHUT);
                    }
                });
                ScheduledFuture<?> deadline = ctx.channel().eventLoop().schedule(close, waitMillis, TimeUnit.MILLISECONDS);
                ctx.channel().closeFuture().addListener(f -> deadline.cancel(false));
                InFlightRequests.of(ctx.channel()).whenIdle(close);
            }
        }
    }

    @ChannelHandler.Sharable
    private static final class Failures extends ChannelInboundHandlerAdapter {
        private final WebSocketCloseStatus tooBig;

        Failures(int maxMessageBytes) {
            this.tooBig = new WebSocketCloseStatus(WebSocketCloseStatus.MESSAGE_TOO_BIG.code(),
                    "Request size exceeds max allowed value of " + maxMessageBytes + " bytes.");
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof TooLongFrameException || cause instanceof CorruptedWebSocketFrameException c
                    && c.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code()) {
                // A message of fragments beyond the limit (the aggregator's), or a frame beyond it (the decoder's).
                close(ctx, tooBig);
            } else if (cause instanceof CorruptedWebSocketFrameException corrupted) {
                close(ctx, corrupted.closeStatus());
            } else if (cause instanceof IOException) {
                // The connection failed under it (a reset): nothing to tell the client.
                ctx.close();
            } else {
                LOG.warn("Gremlin WebSocket connection {} failed; closing it", ctx.channel().id().asShortText(), cause);
                close(ctx, WebSocketCloseStatus.INTERNAL_SERVER_ERROR);
            }
        }
    }
}
