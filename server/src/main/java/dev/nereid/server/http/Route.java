package dev.nereid.server.http;

import io.netty.handler.codec.http.HttpResponse;

/**
 * One endpoint. Runs on a worker thread, never on an event loop, so it may block on the log.
 * Returns a {@link io.netty.handler.codec.http.FullHttpResponse} or a {@link StreamedResponse}.
 * Errors are thrown as {@link dev.nereid.stream.NereidException}; anything else becomes an
 * {@code InternalFailureException} without details.
 */
@FunctionalInterface
public interface Route {
    HttpResponse handle(HttpExchange exchange) throws Exception;
}
