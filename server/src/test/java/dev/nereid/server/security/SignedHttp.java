package dev.nereid.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Requests signed by the AWS SDK's own SigV4 signer and sent by java.net.http, for what the SDK's service
 * clients cannot do: SPARQL (no neptunedata operation), and requests spoiled after signing.
 */
final class SignedHttp {
    /** java.net.http sets these itself from the URI and body, as the signer saw them. */
    private static final List<String> SET_BY_THE_CLIENT = List.of("host", "content-length");

    private final HttpClient http;

    SignedHttp(HttpClient http) {
        this.http = http;
    }

    static SignedHttp plain() {
        return new SignedHttp(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** A request as signed, which a test may still change before it is sent. */
    record Signed(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
        Signed withUri(URI other) {
            return new Signed(method, other, headers, body);
        }

        Signed withBody(String other) {
            return new Signed(method, uri, headers, other.getBytes(StandardCharsets.UTF_8));
        }

        Signed withHeader(String name, String value) {
            Map<String, List<String>> changed = new LinkedHashMap<>(headers);
            changed.put(name, List.of(value));
            return new Signed(method, uri, changed, body);
        }

        Signed withoutHeader(String name) {
            Map<String, List<String>> changed = new LinkedHashMap<>(headers);
            changed.keySet().removeIf(n -> n.equalsIgnoreCase(name));
            return new Signed(method, uri, changed, body);
        }
    }

    static Signed sign(String method, URI uri, Map<String, String> headers, String body, AwsCredentialsIdentity key,
                       String region, String service, Clock clock) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.fromValue(method));
        headers.forEach(request::putHeader);
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(key).request(request.build())
                .payload(ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        Map<String, List<String>> signedHeaders = new LinkedHashMap<>();
        signed.request().forEachHeader((name, values) -> {
            if (!SET_BY_THE_CLIENT.contains(name.toLowerCase(Locale.ROOT))) {
                signedHeaders.put(name, values);
            }
        });
        return new Signed(method, uri, signedHeaders, body == null ? null : bytes);
    }

    static Signed sign(String method, URI uri, Map<String, String> headers, String body, String accessKeyId,
                       String secret) {
        return sign(method, uri, headers, body, AwsBasicCredentials.create(accessKeyId, secret), "us-east-1",
                "neptune-db", Clock.systemUTC());
    }

    HttpResponse<String> send(Signed signed) {
        HttpRequest.Builder b = HttpRequest.newBuilder(signed.uri()).timeout(Duration.ofSeconds(30))
                .method(signed.method(), signed.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(signed.body()));
        signed.headers().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
