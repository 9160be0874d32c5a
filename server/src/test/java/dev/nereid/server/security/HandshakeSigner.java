package dev.nereid.server.security;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tinkerpop.gremlin.driver.HandshakeInterceptor;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * Signs the Gremlin driver's WebSocket handshake with the AWS SDK's signer, as Neptune's documentation
 * has users do with {@code handshakeInterceptor}: the signed headers are added to the upgrade request.
 */
final class HandshakeSigner implements HandshakeInterceptor {
    private final AwsBasicCredentials key;
    private final String scheme;
    private final Clock clock;

    HandshakeSigner(Principals.Key key, String scheme, Clock clock) {
        this.key = AwsBasicCredentials.create(key.accessKeyId(), key.secret());
        this.scheme = scheme;
        this.clock = clock;
    }

    @Override
    public FullHttpRequest apply(FullHttpRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
        URI uri = URI.create(scheme + "://" + request.headers().get(HttpHeaderNames.HOST) + request.uri());
        SignedHttp.Signed signed = SignedHttp.sign("GET", uri, headers, null, key, Principals.REGION, "neptune-db",
                clock);
        signed.headers().forEach((name, values) -> request.headers().set(name, values));
        return request;
    }
}
