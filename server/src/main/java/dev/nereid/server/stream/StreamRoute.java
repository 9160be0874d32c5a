package dev.nereid.server.stream;

import dev.nereid.log.ChangeLog;
import dev.nereid.server.http.AcceptEncoding;
import dev.nereid.server.http.Gzip;
import dev.nereid.server.http.HttpExchange;
import dev.nereid.server.http.Responses;
import dev.nereid.server.http.Route;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import dev.nereid.stream.PageReader;
import dev.nereid.stream.RenderedPage;
import dev.nereid.stream.StreamFormat;
import dev.nereid.stream.StreamRequest;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * {@code GET /propertygraph/stream} and its siblings: checks in the order of spec §4 (streams
 * enabled, method, parameters, position), then one page, gzipped when asked.
 */
public final class StreamRoute implements Route {
    static final String STREAMS_DISABLED = "Streams are not enabled on this server";
    static final String TOO_MANY_READS = "Too many concurrent stream requests; retry later";
    static final String EXPIRED = "All of the requested records exceed the maximum age allowed and have expired.";

    private final ChangeLog log;
    private final StreamFormat format;
    private final boolean enabled;
    private final Duration expiry;
    private final Clock clock;
    private final Semaphore concurrentReads;

    /**
     * @param concurrentReads shared by every stream route of a server: the cap is on reads, not paths
     */
    public StreamRoute(ChangeLog log, StreamFormat format, boolean enabled, Duration expiry, Clock clock,
                       Semaphore concurrentReads) {
        this.log = log;
        this.format = format;
        this.enabled = enabled;
        this.expiry = expiry;
        this.clock = clock;
        this.concurrentReads = concurrentReads;
    }

    @Override
    public FullHttpResponse handle(HttpExchange exchange) {
        if (!enabled) {
            throw new NereidException(ErrorCode.UNSUPPORTED_OPERATION, STREAMS_DISABLED);
        }
        exchange.requireMethod(HttpMethod.GET);
        StreamRequest request = StreamRequest.parse(exchange.query());
        if (!concurrentReads.tryAcquire()) {
            throw new NereidException(ErrorCode.TOO_MANY_REQUESTS, TOO_MANY_READS);
        }
        RenderedPage page;
        try {
            page = PageReader.read(new LogStreamView(log, expiry, clock.millis()), request, format);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof dev.nereid.log.SegmentDeletedException) {
                // Retention removed the start of the range while this read was positioning.
                throw new NereidException(ErrorCode.EXPIRED_STREAM, EXPIRED);
            }
            throw e;
        } finally {
            concurrentReads.release();
        }
        if (AcceptEncoding.acceptsGzip(exchange.header(HttpHeaderNames.ACCEPT_ENCODING))) {
            FullHttpResponse response = Responses.json(HttpResponseStatus.OK,
                    Gzip.compress(page.bytes(), page.offset(), page.length()));
            response.headers().set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
            return response;
        }
        return Responses.json(HttpResponseStatus.OK, Unpooled.wrappedBuffer(page.bytes(), page.offset(), page.length()));
    }
}
