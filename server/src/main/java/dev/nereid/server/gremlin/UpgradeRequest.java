package dev.nereid.server.gremlin;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What RFC 6455 (§4.2.1) requires of a WebSocket upgrade request, checked before the request is handed
 * to Gremlin Server, whose handshaker refuses one in plain text (and with 426 for an unknown version,
 * leaving the connection open). Refused here, it is a 400 BadRequestException like any bad HTTP request.
 * The method, path and {@code Upgrade} header are what make a request an upgrade at all
 * ({@link GremlinWebSocket#isUpgrade}); without them it is an ordinary HTTP request.
 */
final class UpgradeRequest {
    /** RFC 6455's version, the one every client sends. */
    static final String VERSION = "13";
    private static final int KEY_BYTES = 16;

    private UpgradeRequest() {
    }

    /** Why the upgrade must be refused, if it must. */
    static Optional<String> problem(FullHttpRequest request) {
        HttpHeaders headers = request.headers();
        if (!headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)) {
            return Optional.of("WebSocket upgrade requires a Connection header naming Upgrade");
        }
        List<String> versions = headers.getAll(HttpHeaderNames.SEC_WEBSOCKET_VERSION);
        if (!versions.equals(List.of(VERSION))) {
            return Optional.of(versions.isEmpty() ? "WebSocket upgrade requires Sec-WebSocket-Version: " + VERSION
                    : "Unsupported Sec-WebSocket-Version: " + String.join(", ", versions) + " (supported: " + VERSION + ")");
        }
        List<String> keys = headers.getAll(HttpHeaderNames.SEC_WEBSOCKET_KEY);
        if (keys.size() != 1 || !isKey(keys.get(0))) {
            return Optional.of("WebSocket upgrade requires one Sec-WebSocket-Key of " + KEY_BYTES + " base64-encoded bytes");
        }
        return Optional.empty();
    }

    private static boolean isKey(String key) {
        try {
            return Base64.getDecoder().decode(key.strip()).length == KEY_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
