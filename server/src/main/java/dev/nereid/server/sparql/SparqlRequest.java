package dev.nereid.server.sparql;

import dev.nereid.server.http.BodyFields;
import dev.nereid.server.http.HttpExchange;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One operation sent to {@code /sparql} the ways the SPARQL 1.1 Protocol allows: {@code query} in the
 * query string of a GET; {@code query} or {@code update} in a form body; or the whole body as
 * {@code application/sparql-query} or {@code application/sparql-update}. A POST's query string may carry
 * the parameters too (curl users write {@code -X POST '…/sparql?query=…'}); each may come only once over
 * all these places, so two sources never compete silently.
 *
 * <p>Checks in the order of spec §4: which operation (400), then the method it needs (an update in a GET is
 * a 405, {@link UpdateNotPosted}), then the dataset parameters Nereid does not support (400).
 *
 * @param operation whether {@link #text} is a query or an update
 * @param text      the SPARQL text, unparsed
 */
record SparqlRequest(Operation operation, String text) {
    private static final String QUERY = "query";
    private static final String UPDATE = "update";
    private static final String QUERY_BODY = "application/sparql-query";
    private static final String UPDATE_BODY = "application/sparql-update";
    private static final List<String> OPERATIONS = List.of(QUERY, UPDATE);
    /** The protocol's dataset parameters; graphs are named in the request itself instead. */
    private static final List<String> DATASET = List.of(
            "default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri");

    enum Operation { QUERY, UPDATE }

    static SparqlRequest from(HttpExchange exchange) {
        boolean get = HttpMethod.GET.equals(exchange.method());
        Map<String, List<String>> params = new HashMap<>();
        exchange.query().forEach((name, values) -> params.put(name, new ArrayList<>(values)));
        if (!get) {
            String body = exchange.bodyAsString();
            switch (mediaType(exchange.header(HttpHeaderNames.CONTENT_TYPE))) {
                case QUERY_BODY -> add(params, QUERY, body);
                case UPDATE_BODY -> add(params, UPDATE, body);
                default -> BodyFields.form(body, exchange.path())
                        .forEach((name, values) -> values.forEach(v -> add(params, name, v)));
            }
        }
        Map<String, BodyFields.Field> fields = BodyFields.single(params, OPERATIONS);
        BodyFields.Field query = fields.get(QUERY);
        BodyFields.Field update = fields.get(UPDATE);
        if (query == null && update == null) {
            throw new NereidException(ErrorCode.MISSING_PARAMETER, "Missing required parameters: [query] or [update]");
        }
        if (query != null && update != null) {
            throw new NereidException(ErrorCode.INVALID_PARAMETER,
                    "Parameters 'query' and 'update' cannot be sent together: one request is one operation");
        }
        if (get && update != null) {
            throw new UpdateNotPosted();
        }
        for (String name : DATASET) {
            if (params.containsKey(name)) {
                throw new NereidException(ErrorCode.UNSUPPORTED_OPERATION, "Parameter '" + name
                        + "' is not supported: name the graphs in the request itself (FROM, FROM NAMED, GRAPH, "
                        + "WITH, USING)");
            }
        }
        return query != null ? new SparqlRequest(Operation.QUERY, query.text())
                : new SparqlRequest(Operation.UPDATE, update.text());
    }

    /**
     * An update sent with GET. The protocol sends updates with POST only, as a request that changes the
     * database must not be one a crawler or a cache might repeat; the route answers 405 with
     * {@code Allow: POST}.
     */
    static final class UpdateNotPosted extends NereidException {
        private static final long serialVersionUID = 1L;

        UpdateNotPosted() {
            super(ErrorCode.METHOD_NOT_ALLOWED, "A SPARQL update must be sent with POST; GET is for queries only");
        }
    }

    private static void add(Map<String, List<String>> params, String name, String value) {
        params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    /** The media type of a Content-Type header without its parameters, lowercased; "" when absent. */
    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
