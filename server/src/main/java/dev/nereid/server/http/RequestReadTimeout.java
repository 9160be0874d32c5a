package dev.nereid.server.http;

import dev.nereid.stream.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how long a client may take to send a request, as web servers do against slow-sending clients: the
 * headers must arrive within the timeout of the request's first byte, and the body may not pause for longer
 * than it. A request counts against {@code --max-concurrent-requests} from its headers on, so without this a
 * few thousand connections sending a body one byte a minute would hold every place and lock everyone out.
 *
 * <p>A body that stalls gets 408 {@code ClientTimeoutException} and the connection closes; headers that stall
 * just end the connection, as no request was made. Two handlers share the state: {@link #bytes()} before the
 * codec sees that bytes arrive, {@link #messages()} after it sees where requests begin and end. A request
 * starting in the same read that ends the one before is timed from its next read on; until its headers are
 * complete it holds no place, only its connection.
 */
final class RequestReadTimeout {
    /** The names {@link HttpPipeline} installs the two handlers under. */
    static final String BYTES = "nereid-request-read-timeout-bytes";
    static final String MESSAGES = "nereid-request-read-timeout";

    private enum Phase { IDLE, HEAD, BODY, TIMED_OUT }

    private final long timeoutMillis;
    private Phase phase = Phase.IDLE;
    private ScheduledFuture<?> alarm;

    RequestReadTimeout(Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
    }

    /** Goes before the HTTP codec. */
    ChannelInboundHandlerAdapter bytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof ByteBuf) {
                    if (phase == Phase.TIMED_OUT) {
                        ReferenceCountUtil.release(msg);
                        return;
                    }
                    if (phase == Phase.IDLE) {
                        phase = Phase.HEAD;
                        arm(ctx);
                    } else if (phase == Phase.BODY) {
                        arm(ctx);
                    }
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                disarm();
                ctx.fireChannelInactive();
            }

            @Override
            public void handlerRemoved(ChannelHandlerContext ctx) {
                // A WebSocket upgrade takes the HTTP handlers out; its frames are not timed.
                disarm();
            }
        };
    }

    /** Goes after the codec and the concurrency limit, so the 408 frees its request's place. */
    ChannelInboundHandlerAdapter messages() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (phase == Phase.TIMED_OUT) {
                    ReferenceCountUtil.release(msg);
                    return;
                }
                if (msg instanceof LastHttpContent) {
                    phase = Phase.IDLE;
                    disarm();
                } else if (msg instanceof HttpRequest) {
                    phase = Phase.BODY;
                    arm(ctx);
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    private void arm(ChannelHandlerContext ctx) {
        disarm();
        alarm = ctx.executor().schedule(() -> expire(ctx), timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void disarm() {
        if (alarm != null) {
            alarm.cancel(false);
            alarm = null;
        }
    }

    /** Runs on the connection's event loop, as every handler method does, so the phase needs no lock. */
    private void expire(ChannelHandlerContext ctx) {
        Phase stalled = phase;
        phase = Phase.TIMED_OUT;
        alarm = null;
        if (stalled != Phase.BODY) {
            ctx.channel().close();
            return;
        }
        FullHttpResponse response = ErrorResponses.of(ErrorCode.CLIENT_TIMEOUT, "The request body did not arrive "
                + "in time: no bytes for " + timeoutMillis + " ms", UUID.randomUUID().toString());
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        // From the messages handler's place, so the concurrency limit sees the answer go out.
        ChannelHandlerContext messages = ctx.pipeline().context(MESSAGES);
        if (messages == null) {
            ctx.channel().close();
            return;
        }
        messages.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

}
