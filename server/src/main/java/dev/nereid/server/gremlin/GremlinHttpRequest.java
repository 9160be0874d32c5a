package dev.nereid.server.gremlin;

import dev.nereid.server.http.BodyFields;
import dev.nereid.server.http.HttpExchange;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Map;

/**
 * A Gremlin HTTP request (spec §9): the script from {@code ?gremlin=} on a GET, or from the body of a
 * POST, a JSON object {@code {"gremlin": …}} or a form, whatever the Content-Type says (as for
 * {@code /system}). Neptune takes no {@code bindings}; a request that sends them is refused rather than
 * run with its variables unbound. Other fields are ignored.
 *
 * @param script the Gremlin script
 */
record GremlinHttpRequest(String script) {
    static final String GREMLIN = "gremlin";
    static final String BINDINGS = "bindings";
    private static final List<String> FIELDS = List.of(GREMLIN, BINDINGS);

    static GremlinHttpRequest from(HttpExchange exchange) {
        Map<String, BodyFields.Field> fields = HttpMethod.GET.equals(exchange.method())
                ? BodyFields.single(exchange.query(), FIELDS)
                : BodyFields.parse(exchange.bodyAsString(), FIELDS, "/gremlin");
        if (fields.containsKey(BINDINGS)) {
            throw new NereidException(ErrorCode.INVALID_PARAMETER,
                    "Gremlin bindings are not supported: write the values into the script");
        }
        BodyFields.Field script = fields.get(GREMLIN);
        if (script == null) {
            throw new NereidException(ErrorCode.MISSING_PARAMETER, "Missing required parameters: [gremlin]");
        }
        if (!script.string()) {
            throw new NereidException(ErrorCode.INVALID_PARAMETER, "Parameter 'gremlin' must be a string");
        }
        return new GremlinHttpRequest(script.text());
    }
}
