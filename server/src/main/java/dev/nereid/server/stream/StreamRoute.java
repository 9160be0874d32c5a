package dev.nereid.server.stream;

import dev.nereid.server.auth.IamAction;
import dev.nereid.log.ChangeLog;
import dev.nereid.log.SegmentDeletedException;
import dev.nereid.server.http.AcceptEncoding;
import dev.nereid.server.http.Gzip;
import dev.nereid.server.http.HttpExchange;
import dev.nereid.server.http.Responses;
import dev.nereid.server.http.Route;
import dev.nereid.server.http.StreamedResponse;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import dev.nereid.stream.PagePlan;
import dev.nereid.stream.PageReader;
import dev.nereid.stream.RenderedPage;
import dev.nereid.stream.StreamFormat;
import dev.nereid.stream.StreamRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * {@code GET /propertygraph/stream} and its siblings: checks in the order of spec §4 (streams
 * enabled, method, parameters, position), then one page, gzipped when asked.
 */
public final class StreamRoute implements Route {
    static final String STREAMS_DISABLED = "Streams are not enabled on this server";
    static final String TOO_MANY_READS = "Too many concurrent stream requests; retry later";
    static final String EXPIRED = "All of the requested records exceed the maximum age allowed and have expired.";
    /** Big enough that per-chunk costs vanish, small enough that the first chunk leaves early. */
    static final int CHUNK_BYTES = 256 * 1024;

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
    public HttpResponse handle(HttpExchange exchange) {
        exchange.caller().require(IamAction.GET_STREAM_RECORDS);
        if (!enabled) {
            throw new NereidException(ErrorCode.UNSUPPORTED_OPERATION, STREAMS_DISABLED);
        }
        exchange.requireMethod(HttpMethod.GET);
        StreamRequest request = StreamRequest.parse(exchange.query());
        if (!concurrentReads.tryAcquire()) {
            throw new NereidException(ErrorCode.TOO_MANY_REQUESTS, TOO_MANY_READS);
        }
        boolean permitHandedOn = false;
        try {
            LogStreamView view = new LogStreamView(log, expiry, clock.millis());
            if (AcceptEncoding.acceptsGzip(exchange.header(HttpHeaderNames.ACCEPT_ENCODING))) {
                // The compressed length is only known once the whole page is compressed (spec §3.5).
                RenderedPage page = positioned(() -> PageReader.read(view, request, format));
                FullHttpResponse response = Responses.json(HttpResponseStatus.OK,
                        Gzip.compress(page.bytes(), page.offset(), page.length()));
                response.headers().set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
                return response;
            }
            PagePlan plan = positioned(() -> PageReader.plan(view, request, format));
            permitHandedOn = true;
            return new StreamedResponse(HttpResponseStatus.OK, Responses.JSON_UTF8, plan.bodyLength(),
                    new PageBody(view, plan, concurrentReads));
        } finally {
            if (!permitHandedOn) {
                concurrentReads.release();
            }
        }
    }

    /** Runs the positioning step of a read, turning a segment retention removed under it into "expired". */
    private static <T> T positioned(Supplier<T> read) {
        try {
            return read.get();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof SegmentDeletedException) {
                throw new NereidException(ErrorCode.EXPIRED_STREAM, EXPIRED);
            }
            throw e;
        }
    }

    /** Renders the planned page chunk by chunk while it is sent; holds the read permit until done. */
    private static final class PageBody implements StreamedResponse.Body {
        private final LogStreamView view;
        private final PagePlan plan;
        private final Semaphore permit;

        PageBody(LogStreamView view, PagePlan plan, Semaphore permit) {
            this.view = view;
            this.plan = plan;
            this.permit = permit;
        }

        @Override
        public void writeTo(StreamedResponse.ChunkSink sink) throws IOException {
            PageReader.write(view, plan, sink::write, CHUNK_BYTES);
        }

        @Override
        public void close() {
            permit.release();
        }
    }
}
