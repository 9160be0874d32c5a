package dev.nereid.server.http;

import dev.nereid.server.auth.Caller;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One request as a route sees it.
 *
 * @param request   the whole request, body included
 * @param path      the raw path, without the query string, as the client sent it
 * @param query     decoded query parameters, names case-sensitive, values in the order sent
 * @param requestId the id this request answers with, in {@code x-amzn-RequestId} and error bodies
 * @param caller    who sent it, already authenticated; routes ask it before they act
 */
public record HttpExchange(FullHttpRequest request, String path, Map<String, List<String>> query, String requestId,
                           Caller caller) {

    /** A request nobody restricts (authentication off). */
    public HttpExchange(FullHttpRequest request, String path, Map<String, List<String>> query, String requestId) {
        this(request, path, query, requestId, Caller.UNRESTRICTED);
    }

    public HttpMethod method() {
        return request.method();
    }

    public String header(CharSequence name) {
        return request.headers().get(name);
    }

    public String bodyAsString() {
        return request.content().toString(StandardCharsets.UTF_8);
    }

    /**
     * Refuses any other method with 405 and the {@code Allow} header; routes call this after their
     * own earlier checks so the precedence of spec §4 holds.
     */
    public void requireMethod(HttpMethod... allowed) {
        if (!Arrays.asList(allowed).contains(request.method())) {
            throw new MethodNotAllowed(List.of(allowed),
                    "Method " + request.method().name() + " is not allowed for " + path);
        }
    }

    /** A 405 that carries the methods the route allows. */
    public static final class MethodNotAllowed extends NereidException {
        private static final long serialVersionUID = 1L;
        private final transient List<HttpMethod> allowed;

        MethodNotAllowed(List<HttpMethod> allowed, String message) {
            super(ErrorCode.METHOD_NOT_ALLOWED, message);
            this.allowed = allowed;
        }

        public List<HttpMethod> allowed() {
            return allowed;
        }

        /** The value of the {@code Allow} header. */
        public String allowHeader() {
            return String.join(", ", allowed.stream().map(HttpMethod::name).toList());
        }
    }
}
