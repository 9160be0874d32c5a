package dev.nereid.server.system;

import dev.nereid.server.auth.IamAction;
import dev.nereid.graph.NereidGraph;
import dev.nereid.rdf.RdfStore;
import dev.nereid.server.http.HttpExchange;
import dev.nereid.server.http.Responses;
import dev.nereid.server.http.Route;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * {@code POST /system}: Neptune's two-step fast reset (spec §7), and Nereid's {@code snapshot}, which
 * snapshots the property graph and the RDF store now (Neptune has no such action; it bounds the next
 * start-up and lets retention trim the logs) and answers with the snapshots' commitNums:
 * {@code commitNum} for the property graph, {@code sparqlCommitNum} for RDF (0 when a store is empty).
 */
public final class SystemRoute implements Route {
    private final ResetTokens tokens;
    private final DatabaseReset reset;
    private final NereidGraph graph;
    private final RdfStore rdf;

    public SystemRoute(DatabaseReset reset, NereidGraph graph, RdfStore rdf, Clock clock) {
        this.reset = reset;
        this.graph = graph;
        this.rdf = rdf;
        this.tokens = new ResetTokens(clock);
    }

    @Override
    public FullHttpResponse handle(HttpExchange exchange) throws Exception {
        // Neptune's one action for this endpoint; Nereid's snapshot action, also here, takes the same one.
        exchange.caller().require(IamAction.RESET_DATABASE);
        exchange.requireMethod(HttpMethod.POST);
        SystemCommand command = SystemCommand.parse(exchange.bodyAsString());
        switch (command.action()) {
            case "initiateDatabaseReset" -> {
                String token = tokens.issue();
                return ok("{\"status\":\"200 OK\",\"payload\":{\"token\":\"" + token + "\"}}");
            }
            case "performDatabaseReset" -> {
                if (command.token() == null) {
                    throw new NereidException(ErrorCode.MISSING_PARAMETER, "Missing required parameters: [token]");
                }
                if (!tokens.redeem(command.token())) {
                    throw new NereidException(ErrorCode.INVALID_PARAMETER, "System command parameter 'token' : '"
                            + command.token() + "' does not match database reset token");
                }
                reset.perform();
                return ok("{\"status\":\"200 OK\"}");
            }
            case "snapshot" -> {
                long pg = graph.snapshot().orElse(0);
                long sparql = rdf.snapshot().orElse(0);
                return ok("{\"status\":\"200 OK\",\"payload\":{\"commitNum\":" + pg
                        + ",\"sparqlCommitNum\":" + sparql + "}}");
            }
            default -> throw new NereidException(ErrorCode.INVALID_PARAMETER,
                    "System command parameter 'action' has unsupported value '" + command.action() + "'");
        }
    }

    private static FullHttpResponse ok(String json) {
        return Responses.json(HttpResponseStatus.OK, json.getBytes(StandardCharsets.UTF_8));
    }
}
