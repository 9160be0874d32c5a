package dev.nereid.server.auth.sigv4;

import static dev.nereid.server.auth.sigv4.Keys.KEY_ID;
import static dev.nereid.server.auth.sigv4.Keys.NOW;
import static dev.nereid.server.auth.sigv4.Keys.SECRET;
import static dev.nereid.server.auth.sigv4.Keys.SIGNING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nereid.server.auth.sigv4.Verification.Verified;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/** Requests the AWS SDK's own signer signed, as the server receives them, verify. */
class SigV4VerifierTest {
    static final Verified VERIFIED = new Verified(KEY_ID, Optional.empty());
    static final byte[] NO_BODY = new byte[0];

    static SdkHttpRequest.Builder to(SdkHttpMethod method, String encodedPath) {
        return SdkHttpRequest.builder().method(method).protocol("https").host("db.nereid.test").port(8182)
                .encodedPath(encodedPath);
    }

    static SdkHttpRequest.Builder withBody(SdkHttpRequest.Builder request, String contentType, byte[] body) {
        return request.putHeader("Content-Type", contentType).putHeader("Content-Length", String.valueOf(body.length));
    }

    @Test
    void aGetWithSpacesUnicodeReservedCharactersRepeatedNamesAndANameWithoutAValue() {
        SdkHttpRequest request = to(SdkHttpMethod.GET, "/gremlin")
                .appendRawQueryParameter("gremlin", "g.V().has('name', 'a b').limit(10)")
                .appendRawQueryParameter("unicode", "é€😀")
                .appendRawQueryParameter("reserved", ":,/+=&%")
                .appendRawQueryParameter("reserved", "a+b=c&d")
                .appendRawQueryParameter("flag", null)
                .build();
        SignedRequest signed = SdkSigned.sign(request, NO_BODY, SIGNING);

        assertThat(signed.rawUri()).isEqualTo("/gremlin?gremlin=g.V%28%29.has%28%27name%27%2C%20%27a%20b%27%29.limit%2810%29"
                + "&unicode=%C3%A9%E2%82%AC%F0%9F%98%80&reserved=%3A%2C%2F%2B%3D%26%25&reserved=a%2Bb%3Dc%26d&flag");
        assertThat(Keys.verifier().verify(signed)).isEqualTo(VERIFIED);
    }

    @Test
    void aPostWithAJsonBody() {
        byte[] body = "{\"gremlin\":\"g.V().hasLabel('person').count()\"}".getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = withBody(to(SdkHttpMethod.POST, "/gremlin"), "application/json", body).build();

        assertThat(Keys.verifier().verify(SdkSigned.sign(request, body, SIGNING))).isEqualTo(VERIFIED);
    }

    @Test
    void aPostWithAFormBody() {
        byte[] body = "query=SELECT+*+WHERE+%7B%3Fs+%3Fp+%3Fo%7D&default-graph-uri=urn%3Ax".getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request =
                withBody(to(SdkHttpMethod.POST, "/sparql"), "application/x-www-form-urlencoded", body).build();

        assertThat(Keys.verifier().verify(SdkSigned.sign(request, body, SIGNING))).isEqualTo(VERIFIED);
    }

    @Test
    void aPostWithAnEmptyBody() {
        SdkHttpRequest request = withBody(to(SdkHttpMethod.POST, "/system"), "application/json", NO_BODY).build();

        assertThat(Keys.verifier().verify(SdkSigned.sign(request, NO_BODY, SIGNING))).isEqualTo(VERIFIED);
    }

    @Test
    void aPathWhoseSegmentsNeedEncoding() {
        SdkHttpRequest request = to(SdkHttpMethod.GET, "/loader/a%20b/100%25/caf%C3%A9").build();
        SignedRequest signed = SdkSigned.sign(request, NO_BODY, SIGNING);

        assertThat(signed.rawUri()).isEqualTo("/loader/a%20b/100%25/caf%C3%A9");
        assertThat(Keys.verifier().verify(signed)).isEqualTo(VERIFIED);
    }

    @Test
    void aPathWithDotSegmentsAsSentUnnormalized() {
        SdkHttpRequest request = to(SdkHttpMethod.GET, "/a/./b/../c//d/.").build();
        SignedRequest signed = SdkSigned.sign(request, NO_BODY, SIGNING);

        assertThat(signed.rawUri()).isEqualTo("/a/./b/../c//d/.");
        assertThat(Keys.verifier().verify(signed)).isEqualTo(VERIFIED);
    }

    @Test
    void sessionCredentialsVerifyAndReturnTheirToken() {
        String token = "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJGMEQCIB+token=";
        SdkHttpRequest request = to(SdkHttpMethod.GET, "/status").build();
        SignedRequest signed = SdkSigned.sign(request, NO_BODY,
                SIGNING.withCredentials(AwsSessionCredentials.create(KEY_ID, SECRET, token)));

        assertThat(signed.headers().get("X-Amz-Security-Token")).containsExactly(token);
        assertThat(Keys.verifier().verify(signed)).isEqualTo(new Verified(KEY_ID, Optional.of(token)));
    }

    @Test
    void anUnsignedPayloadOverTls() {
        byte[] body = "{\"gremlin\":\"g.V()\"}".getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = withBody(to(SdkHttpMethod.POST, "/gremlin"), "application/json", body).build();
        SignedRequest signed = SdkSigned.sign(request, body, SIGNING.withoutPayloadSigning());

        assertThat(signed.headers().get("x-amz-content-sha256")).containsExactly("UNSIGNED-PAYLOAD");
        assertThat(signed.secureTransport()).isTrue();
        assertThat(Keys.verifier().verify(signed)).isEqualTo(VERIFIED);
    }

    /**
     * Nereid's own client signs a URI through the SDK, which reads a '+' in the query as a space, and then sends
     * the URI as it was, '+' and all.
     */
    @Test
    void aQueryWithARawPlusSignedAsTheSdkReadsIt() {
        URI uri = URI.create("https://db.nereid.test:8182/gremlin?gremlin=g.V().has(%27n%27,%27a+b%27)&x=1+1");
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri).build();
        SignedRequest signed = SdkSigned.sign(request, NO_BODY, SIGNING);
        SignedRequest asSent = new SignedRequest(signed.method(), uri.getRawPath() + "?" + uri.getRawQuery(),
                signed.headers(), signed.body(), true);

        assertThat(signed.rawUri()).isEqualTo("/gremlin?gremlin=g.V%28%29.has%28%27n%27%2C%27a%20b%27%29&x=1%201");
        assertThat(Keys.verifier().verify(asSent)).isEqualTo(VERIFIED);
    }

    @Test
    void headerNamesInAnyCase() {
        SignedRequest signed = SdkSigned.sign(to(SdkHttpMethod.GET, "/status").build(), NO_BODY, SIGNING);
        Map<String, List<String>> shouted = new LinkedHashMap<>();
        signed.headers().forEach((name, values) -> shouted.put(name.toUpperCase(Locale.ROOT), values));

        assertThat(Keys.verifier().verify(withHeaders(signed, shouted))).isEqualTo(VERIFIED);
    }

    @Test
    void anEmptyPathIsTheRoot() {
        SignedRequest signed = SdkSigned.sign(to(SdkHttpMethod.GET, "/").build(), NO_BODY, SIGNING);

        assertThat(Keys.verifier().verify(withUri(signed, ""))).isEqualTo(VERIFIED);
    }

    @Test
    void requestsUpToFiveMinutesFromTheServerClockEitherWay() {
        SignedRequest signed = SdkSigned.sign(to(SdkHttpMethod.GET, "/status").build(), NO_BODY, SIGNING);

        assertThat(Keys.verifierAt(NOW.plus(Duration.ofMinutes(5))).verify(signed)).isEqualTo(VERIFIED);
        assertThat(Keys.verifierAt(NOW.minus(Duration.ofMinutes(5))).verify(signed)).isEqualTo(VERIFIED);
    }

    @Test
    void theBodyIsReadBetweenPositionAndLimitAndLeftWhereItWas() {
        byte[] body = "{\"gremlin\":\"g.E()\"}".getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = withBody(to(SdkHttpMethod.POST, "/gremlin"), "application/json", body).build();
        SignedRequest signed = SdkSigned.sign(request, body, SIGNING);
        ByteBuffer framed = ByteBuffer.allocateDirect(body.length + 7);
        framed.put(new byte[] {1, 2, 3}).put(body).put(new byte[] {4, 5, 6, 7});
        framed.position(3).limit(3 + body.length);

        assertThat(Keys.verifier().verify(new SignedRequest(signed.method(), signed.rawUri(), signed.headers(),
                framed, true))).isEqualTo(VERIFIED);
        assertThat(framed.position()).isEqualTo(3);
        assertThat(framed.limit()).isEqualTo(3 + body.length);
    }

    /** AWS's SigV4 test suite, case get-vanilla: {@code GET /} on example.amazonaws.com at 20150830T123600Z. */
    @Test
    void awsGetVanilla() {
        SigV4Verifier verifier = new SigV4Verifier("service", "us-east-1",
                id -> id.equals("AKIDEXAMPLE") ? Optional.of("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY") : Optional.empty(),
                Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC));
        SignedRequest request = new SignedRequest("GET", "/", Map.of(
                "Host", List.of("example.amazonaws.com"),
                "X-Amz-Date", List.of("20150830T123600Z"),
                "Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, "
                        + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")),
                ByteBuffer.allocate(0), false);

        assertThat(verifier.verify(request)).isEqualTo(new Verified("AKIDEXAMPLE", Optional.empty()));
    }

    static SignedRequest withHeaders(SignedRequest request, Map<String, List<String>> headers) {
        return new SignedRequest(request.method(), request.rawUri(), headers, request.body(),
                request.secureTransport());
    }

    static SignedRequest withUri(SignedRequest request, String rawUri) {
        return new SignedRequest(request.method(), rawUri, request.headers(), request.body(),
                request.secureTransport());
    }
}
