package dev.nereid.server.opencypher;

import dev.nereid.stream.NereidException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nereid.graph.NereidGraph;
import dev.nereid.graph.cypher.OpenCypher;
import dev.nereid.graph.gremlin.QueryEffects;
import dev.nereid.server.auth.Caller;
import dev.nereid.server.auth.QueryLanguage;
import dev.nereid.server.gremlin.QueryDeadline;
import dev.nereid.server.http.HttpExchange;
import dev.nereid.server.http.Responses;
import dev.nereid.server.http.Route;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * openCypher over HTTP (spec §9): {@code GET} and {@code POST} on {@code /openCypher} and
 * {@code /opencypher}. One statement is one transaction, committed durably before the answer
 * {@code {"results":[…]}}, or rolled back with Neptune's error. Runs on a worker thread, which owns the
 * transaction while the statement runs.
 */
public final class OpenCypherRoute implements Route {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NereidGraph graph;
    private final OpenCypher engine;
    private final Duration timeout;

    /**
     * @param clock what {@code datetime()} reads: the server's, so it agrees with commit timestamps
     */
    public OpenCypherRoute(NereidGraph graph, Duration timeout, Clock clock) {
        this.graph = graph;
        this.engine = new OpenCypher(graph, clock::millis);
        this.timeout = timeout;
    }

    @Override
    public FullHttpResponse handle(HttpExchange exchange) throws JsonProcessingException {
        exchange.requireMethod(HttpMethod.GET, HttpMethod.POST);
        OpenCypherRequest request = OpenCypherRequest.from(exchange);
        authorize(exchange.caller(), request);
        List<Map<String, Object>> rows = run(request);
        return Responses.json(HttpResponseStatus.OK, JSON.writeValueAsBytes(Map.of("results", rows)));
    }

    /**
     * Read access first, so a caller who may not read learns nothing of the statement; then what it may do.
     * A statement nested too deeply is refused between the two, for every caller.
     */
    private void authorize(Caller caller, OpenCypherRequest request) {
        caller.requireQuery(QueryLanguage.OPEN_CYPHER, false, false);
        // Before anything parses the statement, finding its effects included: see CypherNesting.
        CypherNesting.check(request.query());
        if (caller.unrestricted()) {
            return;
        }
        QueryEffects effects = engine.effects(request.query(), request.parameters());
        caller.requireQuery(QueryLanguage.OPEN_CYPHER, effects.writes(), effects.deletes());
    }

    private List<Map<String, Object>> run(OpenCypherRequest request) {
        QueryDeadline deadline = QueryDeadline.start(timeout);
        try {
            // A worker thread may still hold a transaction a failed request left open; it is not this one's.
            rollbackIfOpen();
            return engine.execute(request.query(), request.parameters());
        } catch (RuntimeException e) {
            // The interrupt may land anywhere, even in translation, where it would read as another error.
            throw deadline.fired() ? NereidException.timeLimitExceeded() : e;
        } finally {
            try {
                rollbackIfOpen();
            } finally {
                deadline.close();
            }
        }
    }

    private void rollbackIfOpen() {
        if (graph.tx().isOpen()) {
            graph.tx().rollback();
        }
    }
}
