package dev.nereid.server.gremlin;

import dev.nereid.graph.NereidGraph;
import dev.nereid.graph.gremlin.GremlinErrors;
import dev.nereid.graph.gremlin.NeptuneScriptEngine;
import dev.nereid.server.http.HttpExchange;
import dev.nereid.server.http.Route;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.util.iterator.IteratorUtils;

/**
 * Gremlin over HTTP (spec §9): {@code POST /gremlin}, {@code GET /gremlin?gremlin=…} and
 * {@code GET /?gremlin=…}; {@code /} without a script stays an unknown route. The whole script is one transaction: every traversal in it runs, the last
 * one's results are rendered, then the transaction commits (durably, before the answer) or, on any
 * failure, rolls back and the client gets Neptune's error. Routes run on worker threads, never on an
 * event loop, and a transaction belongs to the thread that runs it.
 */
public final class GremlinHttpRoute implements Route {
    private final NereidGraph graph;
    private final GraphTraversalSource g;
    private final GremlinResultFormats formats = new GremlinResultFormats();
    private final boolean root;
    private final Duration timeout;

    private GremlinHttpRoute(NereidGraph graph, boolean root, Duration timeout) {
        this.graph = graph;
        this.g = graph.traversal();
        this.root = root;
        this.timeout = timeout;
    }

    /** {@code /gremlin}: GET and POST. */
    public static GremlinHttpRoute gremlin(NereidGraph graph, Duration timeout) {
        return new GremlinHttpRoute(graph, false, timeout);
    }

    /** {@code /}: GET with a {@code gremlin} parameter, as Neptune documents it. */
    public static GremlinHttpRoute root(NereidGraph graph, Duration timeout) {
        return new GremlinHttpRoute(graph, true, timeout);
    }

    @Override
    public FullHttpResponse handle(HttpExchange exchange) {
        if (root) {
            if (!exchange.query().containsKey(GremlinHttpRequest.GREMLIN)) {
                throw new NereidException(ErrorCode.BAD_ROUTE, "Bad route: " + exchange.path());
            }
            exchange.requireMethod(HttpMethod.GET);
        } else {
            exchange.requireMethod(HttpMethod.GET, HttpMethod.POST);
        }
        GremlinHttpRequest request = GremlinHttpRequest.from(exchange);
        GremlinAuthorization.checkScript(exchange.caller(), request.script());
        GremlinResultFormats.Format format = formats.forAccept(exchange.header(HttpHeaderNames.ACCEPT));
        byte[] body = run(request.script(), format, exchange.requestId()).getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, format.mediaType() + "; charset=UTF-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }

    /**
     * Renders before committing, as Gremlin Server does: rendering reads the elements, which must happen
     * inside the transaction, and a commit that fails must leave nothing to answer with.
     */
    private String run(String script, GremlinResultFormats.Format format, String requestId) {
        QueryDeadline deadline = QueryDeadline.start(timeout);
        try {
            if (graph.tx().isOpen()) {
                graph.tx().rollback();
            }
            List<Object> results = new ArrayList<>();
            Iterator<?> last = IteratorUtils.asIterator(NeptuneScriptEngine.evaluate(g, script));
            last.forEachRemaining(results::add);
            String rendered = format.render(requestId, results);
            graph.tx().commit();
            return rendered;
        } catch (RuntimeException | StackOverflowError e) {
            throw deadline.fired() ? NereidException.timeLimitExceeded() : GremlinErrors.from(e);
        } finally {
            try {
                if (graph.tx().isOpen()) {
                    graph.tx().rollback();
                }
            } finally {
                deadline.close();
            }
        }
    }
}
