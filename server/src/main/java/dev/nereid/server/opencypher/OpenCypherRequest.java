package dev.nereid.server.opencypher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nereid.server.http.BodyFields;
import dev.nereid.server.http.HttpExchange;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Map;

/**
 * An openCypher HTTP request (spec §9): {@code query} and optional {@code parameters} from the query
 * string on a GET, or from the body of a POST, a form (graph-notebook, curl) or a JSON object (the AWS
 * SDK's {@code ExecuteOpenCypherQuery}), whatever the Content-Type says, as for {@code /gremlin}.
 * {@code parameters} is a JSON object, either as it is or as a string holding one: the SDK sends the
 * string, forms can send nothing else. Other fields are ignored.
 *
 * @param query      the openCypher statement
 * @param parameters its parameters as Java values, empty when none were sent
 */
record OpenCypherRequest(String query, Map<String, Object> parameters) {
    static final String QUERY = "query";
    private static final List<String> FIELDS = List.of(QUERY, OpenCypherParameters.NAME);
    private static final ObjectMapper JSON = new ObjectMapper();

    static OpenCypherRequest from(HttpExchange exchange) {
        boolean get = HttpMethod.GET.equals(exchange.method());
        String body = get ? "" : exchange.bodyAsString();
        Map<String, BodyFields.Field> fields = get
                ? BodyFields.single(exchange.query(), FIELDS)
                : BodyFields.parse(body, FIELDS, exchange.path());
        BodyFields.Field query = fields.get(QUERY);
        if (query == null) {
            throw new NereidException(ErrorCode.MISSING_PARAMETER, "Missing required parameters: [query]");
        }
        if (!query.string()) {
            throw new NereidException(ErrorCode.INVALID_PARAMETER, "Parameter 'query' must be a string");
        }
        return new OpenCypherRequest(query.text(), parameters(fields.get(OpenCypherParameters.NAME), body));
    }

    private static Map<String, Object> parameters(BodyFields.Field field, String body) {
        if (field == null) {
            return Map.of();
        }
        if (field.string()) {
            return OpenCypherParameters.fromText(field.text());
        }
        // A JSON null is an unset field, as JSON serialisers write absent optional values.
        if (field.text().equals("null")) {
            return Map.of();
        }
        // BodyFields keeps only a placeholder for an object or array value: read that value itself.
        return OpenCypherParameters.fromJson(jsonBody(body).get(OpenCypherParameters.NAME));
    }

    /** The body again, as a tree; BodyFields has already found it a well-formed JSON object. */
    private static JsonNode jsonBody(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("body parsed once already", e);
        }
    }
}
