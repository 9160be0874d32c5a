package dev.nereid.server.gremlin;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpgradeRequestTest {
    static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    @Test
    void aProperHandshakePasses() {
        assertThat(UpgradeRequest.problem(upgrade("keep-alive, Upgrade", KEY, "13"))).isEmpty();
        assertThat(UpgradeRequest.problem(upgrade("upgrade", KEY, "13"))).isEmpty();
    }

    @Test
    void eachRequirementIsNamed() {
        assertThat(UpgradeRequest.problem(upgrade("keep-alive", KEY, "13")))
                .contains("WebSocket upgrade requires a Connection header naming Upgrade");
        assertThat(UpgradeRequest.problem(upgrade(null, KEY, "13")))
                .contains("WebSocket upgrade requires a Connection header naming Upgrade");
        assertThat(UpgradeRequest.problem(upgrade("Upgrade", KEY, null)))
                .contains("WebSocket upgrade requires Sec-WebSocket-Version: 13");
        assertThat(UpgradeRequest.problem(upgrade("Upgrade", KEY, "8")))
                .contains("Unsupported Sec-WebSocket-Version: 8 (supported: 13)");
        Optional<String> badKey = Optional.of("WebSocket upgrade requires one Sec-WebSocket-Key of 16 base64-encoded bytes");
        assertThat(UpgradeRequest.problem(upgrade("Upgrade", null, "13"))).isEqualTo(badKey);
        assertThat(UpgradeRequest.problem(upgrade("Upgrade", "short", "13"))).isEqualTo(badKey);
        assertThat(UpgradeRequest.problem(upgrade("Upgrade", "AAAA", "13"))).as("base64 of 3 bytes").isEqualTo(badKey);
        FullHttpRequest twoKeys = upgrade("Upgrade", KEY, "13");
        twoKeys.headers().add("Sec-WebSocket-Key", KEY);
        assertThat(UpgradeRequest.problem(twoKeys)).isEqualTo(badKey);
    }

    private static FullHttpRequest upgrade(String connection, String key, String version) {
        FullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/gremlin");
        r.headers().set("Upgrade", "websocket");
        if (connection != null) {
            r.headers().set("Connection", connection);
        }
        if (key != null) {
            r.headers().set("Sec-WebSocket-Key", key);
        }
        if (version != null) {
            r.headers().set("Sec-WebSocket-Version", version);
        }
        return r;
    }
}
