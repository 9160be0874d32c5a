package dev.nereid.server.sparql;

import dev.nereid.log.CommitInfo;
import dev.nereid.rdf.RdfStore;
import dev.nereid.server.auth.Caller;
import dev.nereid.server.auth.QueryLanguage;
import dev.nereid.server.http.ErrorResponses;
import dev.nereid.server.http.HttpExchange;
import dev.nereid.server.http.Responses;
import dev.nereid.server.http.Route;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * SPARQL 1.1 Protocol at {@code /sparql} (spec §9). A query answers in the format {@code Accept} picks
 * ({@link SparqlFormats}). An update is one transaction in the SPARQL stream, durable before the answer:
 * {@code {"commitNum":N}}, or {@code {}} when it changed nothing and so took no commitNum. Runs on a worker
 * thread; the store's transactions end before the route returns.
 */
public final class SparqlRoute implements Route {
    private final RdfStore rdf;
    private final Duration timeout;

    /** @param timeout how long a query or an update may run */
    public SparqlRoute(RdfStore rdf, Duration timeout) {
        this.rdf = rdf;
        this.timeout = timeout;
    }

    @Override
    public FullHttpResponse handle(HttpExchange exchange) {
        exchange.requireMethod(HttpMethod.GET, HttpMethod.POST);
        SparqlRequest request;
        try {
            request = SparqlRequest.from(exchange);
        } catch (SparqlRequest.UpdateNotPosted e) {
            FullHttpResponse refused = ErrorResponses.of(e.errorCode(), e.detailedMessage(), exchange.requestId());
            refused.headers().set(HttpHeaderNames.ALLOW, HttpMethod.POST.name());
            return refused;
        }
        // Read access first, as every SPARQL request needs it; an update's writes and deletes once it is parsed.
        Caller caller = exchange.caller();
        caller.requireQuery(QueryLanguage.SPARQL, false, false);
        return switch (request.operation()) {
            case QUERY -> query(request.text(), exchange.header(HttpHeaderNames.ACCEPT));
            case UPDATE -> update(request.text(), caller);
        };
    }

    private FullHttpResponse query(String text, String accept) {
        SparqlQuery query = SparqlQuery.parse(text, accept);
        byte[] body = query.run(rdf, timeout);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, SparqlFormats.contentType(query.format()))
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }

    private FullHttpResponse update(String text, Caller caller) {
        Optional<CommitInfo> commit = caller.unrestricted() ? rdf.update(text, timeout)
                : rdf.update(text, timeout, effects -> caller.requireQuery(QueryLanguage.SPARQL, effects.writes(),
                        effects.deletes()));
        String summary = commit.map(c -> "{\"commitNum\":" + c.commitNum() + "}").orElse("{}");
        return Responses.json(HttpResponseStatus.OK, summary.getBytes(StandardCharsets.UTF_8));
    }
}
