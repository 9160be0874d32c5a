package dev.nereid.bench.http;

import dev.nereid.server.http.HttpExchange;
import dev.nereid.server.http.Route;
import io.netty.handler.codec.http.HttpResponse;
import java.util.concurrent.atomic.LongAdder;

/**
 * A route that times another: for a {@link dev.nereid.server.stream.StreamRoute}, the time before
 * the response head leaves — with gzip the whole read, render and compression; without it only the
 * planning pass, since the page is then rendered while it is sent. Bound after the server starts,
 * because the stream route needs the server's log.
 */
final class TimedRoute implements Route {
    private final LongAdder nanos = new LongAdder();
    private final LongAdder calls = new LongAdder();
    private volatile Route delegate;

    void bind(Route route) {
        delegate = route;
    }

    void reset() {
        nanos.reset();
        calls.reset();
    }

    double averageMillis() {
        return nanos.sum() / 1e6 / Math.max(1, calls.sum());
    }

    @Override
    public HttpResponse handle(HttpExchange exchange) throws Exception {
        long start = System.nanoTime();
        try {
            return delegate.handle(exchange);
        } finally {
            nanos.add(System.nanoTime() - start);
            calls.increment();
        }
    }
}
