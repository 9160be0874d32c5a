package dev.nereid.bench.http;

import dev.nereid.server.http.AcceptEncoding;
import dev.nereid.server.http.Gzip;
import dev.nereid.server.http.HttpExchange;
import dev.nereid.server.http.Responses;
import dev.nereid.server.http.Route;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * The HTTP baseline: the bytes of one real stream page, rendered (and gzipped) once, served from
 * the same server, pipeline, dispatcher and worker threads as the stream route, so that serving
 * them costs everything but reading the log and rendering. Each response is a retained duplicate
 * of the one buffer; Netty's release after the write gives the reference back.
 */
final class PrerenderedPageRoute implements Route {
    static final String PATH = "/bench/prerendered-page";

    private volatile ByteBuf identity;
    private volatile ByteBuf gzipped;

    /** The page to serve from now on; gzipped with the stream route's own {@link Gzip}. */
    void load(byte[] page) {
        identity = Unpooled.wrappedBuffer(page);
        gzipped = Gzip.compress(page, 0, page.length);
    }

    int gzippedLength() {
        return gzipped.readableBytes();
    }

    @Override
    public FullHttpResponse handle(HttpExchange exchange) {
        exchange.requireMethod(HttpMethod.GET);
        if (identity == null) {
            throw new IllegalStateException("no page loaded yet");
        }
        if (AcceptEncoding.acceptsGzip(exchange.header(HttpHeaderNames.ACCEPT_ENCODING))) {
            FullHttpResponse response = Responses.json(HttpResponseStatus.OK, gzipped.retainedDuplicate());
            response.headers().set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
            return response;
        }
        return Responses.json(HttpResponseStatus.OK, identity.retainedDuplicate());
    }
}
