package dev.nereid.bench.fuzz;

import org.apache.tinkerpop.gremlin.driver.HandshakeInterceptor;

/**
 * Signs each HTTP request, the WebSocket handshake included, before it is mutated: with authentication on,
 * a mutation must break a signed request, or the fuzzer would only ever reach the 403 of an unsigned one.
 */
@FunctionalInterface
public interface RequestSigner {
    /** Authentication off: requests go as they are. */
    RequestSigner NONE = call -> call;

    /**
     * @param call a request as the corpus built it; {@code Host} is the sender's and may be signed as
     *             {@code 127.0.0.1:port}
     * @return the request with whatever headers or query parameters its signature needs
     */
    HttpCall sign(HttpCall call);

    /** What the Gremlin driver does to its WebSocket handshake; nothing unless authentication is on. */
    default HandshakeInterceptor handshake() {
        return HandshakeInterceptor.NO_OP;
    }
}
