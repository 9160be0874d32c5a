package dev.nereid.server.gremlin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.nereid.server.http.HttpExchange;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.util.HashMap;
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
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    static GremlinHttpRequest from(HttpExchange exchange) {
        Map<String, String> fields = HttpMethod.GET.equals(exchange.method())
                ? single(exchange.query())
                : body(exchange.bodyAsString().strip());
        if (fields.containsKey(BINDINGS)) {
            throw new NereidException(ErrorCode.INVALID_PARAMETER,
                    "Gremlin bindings are not supported: write the values into the script");
        }
        String script = fields.get(GREMLIN);
        if (script == null) {
            throw new NereidException(ErrorCode.MISSING_PARAMETER, "Missing required parameters: [gremlin]");
        }
        return new GremlinHttpRequest(script);
    }

    private static Map<String, String> body(String body) {
        return body.startsWith("{") ? json(body) : single(new QueryStringDecoder(body, false).parameters());
    }

    private static Map<String, String> single(Map<String, List<String>> params) {
        Map<String, String> fields = new HashMap<>();
        for (String name : List.of(GREMLIN, BINDINGS)) {
            List<String> values = params.get(name);
            if (values == null) {
                continue;
            }
            if (values.size() > 1) {
                throw new NereidException(ErrorCode.INVALID_PARAMETER, "Too many values supplied for: " + name);
            }
            fields.put(name, values.get(0));
        }
        return fields;
    }

    private static Map<String, String> json(String body) {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw malformed();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals(GREMLIN) && value != JsonToken.VALUE_STRING) {
                    throw new NereidException(ErrorCode.INVALID_PARAMETER, "Parameter 'gremlin' must be a string");
                }
                if (value.isStructStart()) {
                    p.skipChildren();
                }
                fields.put(name, value == JsonToken.VALUE_STRING ? p.getText() : "");
            }
            if (p.nextToken() != null) {
                throw malformed();
            }
        } catch (JsonParseException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field '")) {
                throw new NereidException(ErrorCode.INVALID_PARAMETER, message);
            }
            throw malformed();
        } catch (IOException e) {
            throw malformed();
        }
        return fields;
    }

    private static NereidException malformed() {
        return new NereidException(ErrorCode.BAD_REQUEST, "Malformed JSON body for /gremlin");
    }
}
