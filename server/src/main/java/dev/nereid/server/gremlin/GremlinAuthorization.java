package dev.nereid.server.gremlin;

import dev.nereid.graph.gremlin.GremlinEffects;
import dev.nereid.graph.gremlin.QueryEffects;
import dev.nereid.server.auth.Caller;
import dev.nereid.server.auth.QueryLanguage;
import java.util.HashMap;
import java.util.Map;
import org.apache.tinkerpop.gremlin.process.traversal.Bytecode;
import org.apache.tinkerpop.gremlin.util.Tokens;
import org.apache.tinkerpop.gremlin.util.message.RequestMessage;

/**
 * What a Gremlin request needs, checked before it runs: read access in Gremlin first (so a caller who may not
 * read learns nothing of the query, not even whether it parses), then write and delete access as the query's
 * steps say it might write or delete.
 */
final class GremlinAuthorization {
    private GremlinAuthorization() {
    }

    /** A WebSocket request: a script ({@code eval}) or bytecode; other ops carry no query. */
    static void check(Caller caller, RequestMessage request) {
        if (caller.unrestricted()) {
            return;
        }
        Object gremlin = request.getArgs().get(Tokens.ARGS_GREMLIN);
        if (gremlin instanceof Bytecode bytecode) {
            caller.requireQuery(QueryLanguage.GREMLIN, false, false);
            require(caller, GremlinEffects.of(bytecode));
        } else if (gremlin != null) {
            caller.requireQuery(QueryLanguage.GREMLIN, false, false);
            // The request's bindings are the values its variables take when it runs.
            Object bindings = request.getArgs().get(Tokens.ARGS_BINDINGS);
            require(caller, bindings instanceof Map<?, ?> map
                    ? GremlinEffects.ofScript(gremlin.toString(), stringKeys(map))
                    : GremlinEffects.ofScript(gremlin.toString()));
        }
    }

    /** A script, as the HTTP endpoint and the {@code eval} op take it. */
    static void checkScript(Caller caller, String script) {
        if (caller.unrestricted()) {
            return;
        }
        caller.requireQuery(QueryLanguage.GREMLIN, false, false);
        require(caller, GremlinEffects.ofScript(script));
    }

    private static Map<String, Object> stringKeys(Map<?, ?> bindings) {
        Map<String, Object> named = new HashMap<>();
        bindings.forEach((k, v) -> named.put(String.valueOf(k), v));
        return named;
    }

    private static void require(Caller caller, QueryEffects effects) {
        if (effects.writes() || effects.deletes()) {
            caller.requireQuery(QueryLanguage.GREMLIN, effects.writes(), effects.deletes());
        }
    }

}
