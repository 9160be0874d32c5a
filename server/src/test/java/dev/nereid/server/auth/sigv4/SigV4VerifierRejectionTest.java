package dev.nereid.server.auth.sigv4;

import static dev.nereid.server.auth.sigv4.Keys.KEY_ID;
import static dev.nereid.server.auth.sigv4.Keys.NOW;
import static dev.nereid.server.auth.sigv4.Keys.SIGNING;
import static dev.nereid.server.auth.sigv4.SigV4VerifierTest.NO_BODY;
import static dev.nereid.server.auth.sigv4.SigV4VerifierTest.to;
import static dev.nereid.server.auth.sigv4.SigV4VerifierTest.withBody;
import static dev.nereid.server.auth.sigv4.SigV4VerifierTest.withHeaders;
import static dev.nereid.server.auth.sigv4.SigV4VerifierTest.withUri;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nereid.server.auth.sigv4.Verification.Rejected;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/** Each way a request can fail, signed by the AWS SDK and then spoiled, rejected with its own reason. */
class SigV4VerifierRejectionTest {
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    /** SHA-256 of {@link #signedPost()}'s body, by sha256sum. */
    static final String POST_SHA256 = "6bdff38f1001fd0a96abe0d5ab39cbcaa6cc0378021fc9be54b5446c37cc1eac";

    static SignedRequest signedGet() {
        SdkHttpRequest request = to(SdkHttpMethod.GET, "/propertygraph/stream")
                .appendRawQueryParameter("limit", "10")
                .appendRawQueryParameter("commitNum", "6")
                .build();
        return SdkSigned.sign(request, NO_BODY, SIGNING);
    }

    static SignedRequest signedPost() {
        byte[] body = "{\"gremlin\":\"g.V().count()\"}".getBytes(StandardCharsets.UTF_8);
        return SdkSigned.sign(withBody(to(SdkHttpMethod.POST, "/gremlin"), "application/json", body).build(), body,
                SIGNING);
    }

    static Map<String, List<String>> editHeader(SignedRequest request, String name, UnaryOperator<String> edit) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put(name, List.of(edit.apply(headers.get(name).get(0))));
        return headers;
    }

    static Map<String, List<String>> without(SignedRequest request, String name) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.remove(name);
        return headers;
    }

    static Rejected rejected(String reason) {
        return new Rejected(reason);
    }

    @Test
    void theWrongSecret() {
        SignedRequest request = SdkSigned.sign(to(SdkHttpMethod.GET, "/status").build(), NO_BODY,
                SIGNING.withCredentials(AwsBasicCredentials.create(KEY_ID, "not-the-secret")));

        assertThat(Keys.verifier().verify(request)).isEqualTo(rejected("signature does not match the canonical request "
                + "'GET\\n/status\\n\\nhost:db.nereid.test:8182\\nx-amz-content-sha256:" + EMPTY_SHA256
                + "\\nx-amz-date:20260301T101530Z\\n\\nhost;x-amz-content-sha256;x-amz-date\\n" + EMPTY_SHA256 + "'"));
    }

    @Test
    void anUnknownAccessKey() {
        SignedRequest request = SdkSigned.sign(to(SdkHttpMethod.GET, "/status").build(), NO_BODY,
                SIGNING.withCredentials(AwsBasicCredentials.create("AKIAUNKNOWN000000000", "whatever")));

        assertThat(Keys.verifier().verify(request)).isEqualTo(rejected("unknown access key id 'AKIAUNKNOWN000000000'"));
    }

    @Test
    void aRequestSixMinutesOld() {
        assertThat(Keys.verifierAt(NOW.plus(Duration.ofMinutes(6))).verify(signedGet())).isEqualTo(rejected(
                "request time 20260301T101530Z (from x-amz-date) is 360 s behind the server clock 20260301T102130Z; "
                        + "at most 300 s of skew is allowed"));
    }

    @Test
    void aRequestSixMinutesAhead() {
        assertThat(Keys.verifierAt(NOW.minus(Duration.ofMinutes(6))).verify(signedGet())).isEqualTo(rejected(
                "request time 20260301T101530Z (from x-amz-date) is 360 s ahead of the server clock 20260301T100930Z; "
                        + "at most 300 s of skew is allowed"));
    }

    @Test
    void aScopeDateThatIsNotTheRequestDate() {
        SignedRequest signed = signedGet();
        SignedRequest request = withHeaders(signed,
                editHeader(signed, "Authorization", a -> a.replace("/20260301/", "/20260302/")));

        assertThat(Keys.verifier().verify(request)).isEqualTo(
                rejected("credential scope date 20260302 is not the request date 20260301 (from x-amz-date)"));
    }

    @Test
    void anotherRegion() {
        SignedRequest request = SdkSigned.sign(to(SdkHttpMethod.GET, "/status").build(), NO_BODY,
                SIGNING.withRegion("eu-west-1"));

        assertThat(Keys.verifier().verify(request)).isEqualTo(
                rejected("credential scope region 'eu-west-1' is not this server's region 'us-east-1'"));
    }

    @Test
    void anotherService() {
        SignedRequest request = SdkSigned.sign(to(SdkHttpMethod.GET, "/status").build(), NO_BODY,
                SIGNING.withService("rds-db"));

        assertThat(Keys.verifier().verify(request)).isEqualTo(
                rejected("credential scope service 'rds-db' is not 'neptune-db'"));
    }

    @Test
    void aQueryValueChanged() {
        SignedRequest signed = signedGet();

        assertThat(Keys.verifier().verify(withUri(signed, "/propertygraph/stream?limit=1000&commitNum=6")))
                .isEqualTo(rejected(mismatchOfStreamRead("commitNum=6&limit=1000")));
    }

    @Test
    void aQueryParameterAdded() {
        SignedRequest signed = signedGet();

        assertThat(Keys.verifier().verify(withUri(signed, signed.rawUri() + "&opNum=2")))
                .isEqualTo(rejected(mismatchOfStreamRead("commitNum=6&limit=10&opNum=2")));
    }

    @Test
    void aQueryParameterRemoved() {
        SignedRequest signed = signedGet();

        assertThat(Keys.verifier().verify(withUri(signed, "/propertygraph/stream?limit=10")))
                .isEqualTo(rejected(mismatchOfStreamRead("limit=10")));
    }

    @Test
    void aTamperedBody() {
        SignedRequest signed = signedPost();
        SignedRequest request = new SignedRequest(signed.method(), signed.rawUri(), signed.headers(),
                ByteBuffer.wrap("{\"gremlin\":\"g.V().drop()\"}".getBytes(StandardCharsets.UTF_8)), true);

        assertThat(Keys.verifier().verify(request)).isEqualTo(rejected("x-amz-content-sha256 is "
                + POST_SHA256 + " but the body's SHA-256 is "
                + "0567f1376d2bd7d2df09c7857c8dcaa6ec284b1e25ad275cde518f98b85a609d: the body is not the one signed"));
    }

    @Test
    void aTamperedSignedHeaderValue() {
        SignedRequest signed = signedPost();
        SignedRequest request = withHeaders(signed, editHeader(signed, "Content-Type", type -> "text/plain"));

        assertThat(Keys.verifier().verify(request)).isEqualTo(rejected("signature does not match the canonical request "
                + "'POST\\n/gremlin\\n\\ncontent-length:27\\ncontent-type:text/plain\\nhost:db.nereid.test:8182\\n"
                + "x-amz-content-sha256:" + POST_SHA256 + "\\n"
                + "x-amz-date:20260301T101530Z\\n\\ncontent-length;content-type;host;x-amz-content-sha256;x-amz-date\\n"
                + POST_SHA256 + "'"));
    }

    @Test
    void noAuthorizationHeader() {
        SignedRequest signed = signedGet();

        assertThat(Keys.verifier().verify(withHeaders(signed, without(signed, "Authorization"))))
                .isEqualTo(rejected("no Authorization header"));
    }

    @Test
    void aSignedHeaderMissingFromTheRequest() {
        SignedRequest signed = signedPost();

        assertThat(Keys.verifier().verify(withHeaders(signed, without(signed, "Content-Type"))))
                .isEqualTo(rejected("signed header 'content-type' is not in the request"));
    }

    @Test
    void hostNotSigned() {
        SignedRequest signed = signedGet();
        SignedRequest request = withHeaders(signed,
                editHeader(signed, "Authorization", a -> a.replace("SignedHeaders=host;", "SignedHeaders=")));

        assertThat(Keys.verifier().verify(request)).isEqualTo(
                rejected("SignedHeaders 'x-amz-content-sha256;x-amz-date' does not include host"));
    }

    @Test
    void anUnsignedPayloadWithoutTls() {
        SignedRequest signed = SdkSigned.sign(to(SdkHttpMethod.GET, "/status").build(), NO_BODY,
                SIGNING.withoutPayloadSigning());
        SignedRequest overPlainHttp = new SignedRequest(signed.method(), signed.rawUri(), signed.headers(),
                signed.body(), false);

        assertThat(Keys.verifier().verify(overPlainHttp)).isEqualTo(
                rejected("x-amz-content-sha256 is UNSIGNED-PAYLOAD, which is accepted only over TLS"));
    }

    @Test
    void aStreamingPayload() {
        byte[] body = "{\"gremlin\":\"g.V()\"}".getBytes(StandardCharsets.UTF_8);
        SignedRequest request = SdkSigned.sign(withBody(to(SdkHttpMethod.POST, "/gremlin"), "application/json", body)
                .build(), body, SIGNING.chunkedEncoding());

        assertThat(Keys.verifier().verify(request)).isEqualTo(rejected("x-amz-content-sha256 is "
                + "'STREAMING-AWS4-HMAC-SHA256-PAYLOAD': chunked (streaming) payload signing is not supported; "
                + "sign the whole body"));
    }

    @Test
    void aPresignedUrl() {
        SignedRequest signed = signedGet();
        SignedRequest request = withHeaders(withUri(signed, "/status?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIANEREIDTEST000001%2F20260301%2Fus-east-1%2Fneptune-db%2Faws4_request"
                + "&X-Amz-Date=20260301T101530Z&X-Amz-SignedHeaders=host&X-Amz-Signature=" + "0".repeat(64)),
                without(signed, "Authorization"));

        assertThat(Keys.verifier().verify(request)).isEqualTo(rejected("query-string authentication (a presigned URL, "
                + "here with X-Amz-Algorithm) is not supported; sign with the Authorization header"));
    }

    @Test
    void sigV4a() {
        SignedRequest signed = signedGet();
        SignedRequest request = withHeaders(signed, editHeader(signed, "Authorization",
                a -> a.replace("AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256")));

        assertThat(Keys.verifier().verify(request)).isEqualTo(
                rejected("SigV4a (AWS4-ECDSA-P256-SHA256) is not supported; sign with AWS4-HMAC-SHA256"));
    }

    @Test
    void anotherAuthorizationScheme() {
        SignedRequest signed = signedGet();
        SignedRequest request = withHeaders(signed, editHeader(signed, "Authorization", a -> "Basic dXNlcjpwYXNz"));

        assertThat(Keys.verifier().verify(request)).isEqualTo(
                rejected("Authorization scheme 'Basic' is not supported; sign with AWS4-HMAC-SHA256"));
    }

    @Test
    void aMalformedQueryEscape() {
        assertThat(Keys.verifier().verify(withUri(signedGet(), "/propertygraph/stream?limit=10%2&commitNum=6")))
                .isEqualTo(rejected("query parameter 'limit=10%2' has a malformed percent-escape"));
    }

    @Test
    void aSessionTokenAddedWithoutBeingSigned() {
        SignedRequest signed = signedGet();
        Map<String, List<String>> headers = new LinkedHashMap<>(signed.headers());
        headers.put("X-Amz-Security-Token", List.of("injected"));

        assertThat(Keys.verifier().verify(withHeaders(signed, headers))).isEqualTo(rejected("the request carries "
                + "x-amz-security-token but SignedHeaders 'host;x-amz-content-sha256;x-amz-date' does not include it"));
    }

    @Test
    void noRequestTime() {
        SignedRequest signed = signedGet();

        assertThat(Keys.verifier().verify(withHeaders(signed, without(signed, "X-Amz-Date"))))
                .isEqualTo(rejected("no x-amz-date or Date header, so the request time is unknown"));
    }

    @Test
    void anUnparseableRequestTime() {
        SignedRequest signed = signedGet();

        assertThat(Keys.verifier().verify(withHeaders(signed, editHeader(signed, "X-Amz-Date", d -> "2026-03-01T10:15:30Z"))))
                .isEqualTo(rejected("x-amz-date '2026-03-01T10:15:30Z' is not yyyyMMdd'T'HHmmss'Z'"));
    }

    @Test
    void aRequestTargetNotInOriginForm() {
        assertThat(Keys.verifier().verify(withUri(signedGet(), "http://db.nereid.test/status")))
                .isEqualTo(rejected("request target 'http://db.nereid.test/status' does not start with '/'; "
                        + "only origin-form targets can be verified"));
    }

    @Test
    void theHeaderCarryingTheTimeNotSigned() {
        SignedRequest signed = signedGet();
        SignedRequest request = withHeaders(signed,
                editHeader(signed, "Authorization", a -> a.replace(";x-amz-date,", ",")));

        assertThat(Keys.verifier().verify(request)).isEqualTo(rejected("SignedHeaders 'host;x-amz-content-sha256' "
                + "does not include x-amz-date, which carries the request time"));
    }

    @Test
    void anEmptySessionToken() {
        SignedRequest signed = SdkSigned.sign(to(SdkHttpMethod.GET, "/status").build(), NO_BODY,
                SIGNING.withCredentials(AwsSessionCredentials.create(KEY_ID, Keys.SECRET, "token")));

        assertThat(Keys.verifier().verify(withHeaders(signed, editHeader(signed, "X-Amz-Security-Token", t -> " "))))
                .isEqualTo(rejected("x-amz-security-token is empty"));
    }

    /** The reason shows the form AWS SDKs sign and says how many others were tried; the token stays out of it. */
    @Test
    void aMismatchOverAPathAndQueryWithSeveralReadings() {
        URI uri = URI.create("https://db.nereid.test:8182/a%20b?x=1+1");
        SignedRequest signed = SdkSigned.sign(SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri).build(),
                NO_BODY, SIGNING.withCredentials(AwsSessionCredentials.create(KEY_ID, "not-the-secret", "secret-token")));
        SignedRequest asSent = withUri(signed, "/a%20b?x=1+1");

        assertThat(Keys.verifier().verify(asSent)).isEqualTo(rejected("signature does not match the canonical request "
                + "'GET\\n/a%2520b\\nx=1%2B1\\nhost:db.nereid.test:8182\\nx-amz-content-sha256:" + EMPTY_SHA256
                + "\\nx-amz-date:20260301T101530Z\\nx-amz-security-token:<redacted>\\n\\n"
                + "host;x-amz-content-sha256;x-amz-date;x-amz-security-token\\n" + EMPTY_SHA256
                + "' (nor 3 other encodings of its path and query)"));
    }

    private static String mismatchOfStreamRead(String canonicalQuery) {
        return "signature does not match the canonical request 'GET\\n/propertygraph/stream\\n" + canonicalQuery
                + "\\nhost:db.nereid.test:8182\\nx-amz-content-sha256:" + EMPTY_SHA256
                + "\\nx-amz-date:20260301T101530Z\\n\\nhost;x-amz-content-sha256;x-amz-date\\n" + EMPTY_SHA256 + "'";
    }
}
