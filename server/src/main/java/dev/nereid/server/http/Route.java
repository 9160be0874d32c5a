package dev.nereid.server.http;

import io.netty.handler.codec.http.FullHttpResponse;

/**
 * One endpoint. Runs on a worker thread, never on an event loop, so it may block on the log.
 * Errors are thrown as {@link dev.nereid.stream.NereidException}; anything else becomes an
 * {@code InternalFailureException} without details.
 */
@FunctionalInterface
public interface Route {
    FullHttpResponse handle(HttpExchange exchange) throws Exception;
}
