package dev.nereid.server.auth;

import io.netty.handler.codec.http.FullHttpRequest;
import java.net.SocketAddress;

/**
 * Says who sent a whole HTTP request (a WebSocket handshake included) before anything else looks at it.
 * Throws a 403 {@code AccessDeniedException} for a request that does not prove who sent it.
 */
public interface Authentication {

    /** Authentication off: every request is {@link Caller#UNRESTRICTED}. */
    Authentication NONE = (request, remote) -> Caller.UNRESTRICTED;

    /** @param remote the peer, whose address is the {@code aws:SourceIp} condition key */
    Caller authenticate(FullHttpRequest request, SocketAddress remote);
}
