package dev.nereid.bench.fuzz;

import dev.nereid.server.auth.AuthConfig;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.tinkerpop.gremlin.driver.HandshakeInterceptor;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * The fuzzer with {@code --auth sigv4}: every request, and the Gremlin driver's handshake, signed by the AWS
 * SDK's signer with a key pair allowed everything, before it is mutated. A mutation of anything signed must
 * then be refused with 403 and change nothing; one of what is not signed must be answered as without auth.
 */
public final class SigV4Signing implements RequestSigner {
    static final String REGION = "us-east-1";
    private static final String KEY = "AKIAFUZZ000000000001";
    private static final String SECRET = "fuzz-secret";
    /** Set by the sender from the target, or by java.net.http itself; signed here as the server will see them. */
    private static final List<String> SENDERS_OWN = List.of("host", "content-length");

    private final String host;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final AwsBasicCredentials key = AwsBasicCredentials.create(KEY, SECRET);

    /** @param host {@code 127.0.0.1:port}, as the senders' {@code Host} header says it */
    public SigV4Signing(String host) {
        this.host = host;
    }

    /** One principal, allowed every Neptune data action on the cluster. */
    public static AuthConfig config() {
        return AuthConfig.parse("""
                {"region": "us-east-1", "principals": [{"name": "fuzzer", "accessKeyId": "%s",
                  "secretAccessKey": "%s", "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Action": "neptune-db:*", "Resource": "arn:aws:neptune-db:us-east-1:000000000000:cluster-NEREID/*"}]}]}]}
                """.formatted(KEY, SECRET), "fuzz");
    }

    @Override
    public HttpCall sign(HttpCall call) {
        return sign(call, host);
    }

    private HttpCall sign(HttpCall call, String hostHeader) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().uri(URI.create("http://" + hostHeader + call.target()))
                .method(SdkHttpMethod.fromValue(call.method().toUpperCase(Locale.ROOT)));
        call.headers().forEach(h -> request.appendHeader(h.name(), h.value()));
        SignedRequest signed = signer.sign(r -> r.identity(key).request(request.build())
                .payload(ContentStreamProvider.fromByteArray(call.body()))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "neptune-db")
                .putProperty(AwsV4HttpSigner.REGION_NAME, REGION));
        List<Header> headers = new ArrayList<>(call.headers());
        signed.request().forEachHeader((name, values) -> {
            boolean had = call.headers().stream().anyMatch(h -> h.name().equalsIgnoreCase(name));
            if (!had && !SENDERS_OWN.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> headers.add(new Header(name, v)));
            }
        });
        return call.withHeaders(headers);
    }

    @Override
    public HandshakeInterceptor handshake() {
        return this::signHandshake;
    }

    private FullHttpRequest signHandshake(FullHttpRequest handshake) {
        List<Header> headers = new ArrayList<>();
        handshake.headers().forEach(h -> {
            if (!h.getKey().equalsIgnoreCase(HttpHeaderNames.HOST.toString())) {
                headers.add(new Header(h.getKey(), h.getValue()));
            }
        });
        // The driver names the server its own way (localhost); the signature covers the Host it sends.
        HttpCall signed = sign(new HttpCall("GET", handshake.uri(), headers, new byte[0], "ws /gremlin (driver)",
                true, false), handshake.headers().get(HttpHeaderNames.HOST));
        signed.headers().forEach(h -> handshake.headers().set(h.name(), h.value()));
        return handshake;
    }
}
