package dev.nereid.server.system;

import dev.nereid.graph.NereidGraph;
import java.util.OptionalLong;
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
 * snapshots the property graph now (Neptune has no such action; it bounds the next start-up and lets
 * retention trim the log) and answers with the snapshot's commitNum.
 */
public final class SystemRoute implements Route {
    private final ResetTokens tokens;
    private final DatabaseReset reset;
    private final NereidGraph graph;

    public SystemRoute(DatabaseReset reset, NereidGraph graph, Clock clock) {
        this.reset = reset;
        this.graph = graph;
        this.tokens = new ResetTokens(clock);
    }

    @Override
    public FullHttpResponse handle(HttpExchange exchange) throws Exception {
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
                OptionalLong commitNum = graph.snapshot();
                return ok("{\"status\":\"200 OK\",\"payload\":{\"commitNum\":"
                        + (commitNum.isPresent() ? commitNum.getAsLong() : 0) + "}}");
            }
            default -> throw new NereidException(ErrorCode.INVALID_PARAMETER,
                    "System command parameter 'action' has unsupported value '" + command.action() + "'");
        }
    }

    private static FullHttpResponse ok(String json) {
        return Responses.json(HttpResponseStatus.OK, json.getBytes(StandardCharsets.UTF_8));
    }
}
