package dev.nereid.client.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.ResolveIdentityRequest;

/**
 * The SDK's signer, as wired here, checked against an independent SigV4 written from AWS's description,
 * which is itself checked against AWS's published test suite.
 */
class SigV4SignerTest {
    static final String KEY_ID = "AKIDEXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final IdentityProvider<AwsCredentialsIdentity> EXAMPLE_KEY = new IdentityProvider<>() {
        @Override
        public Class<AwsCredentialsIdentity> identityType() {
            return AwsCredentialsIdentity.class;
        }

        @Override
        public CompletableFuture<AwsCredentialsIdentity> resolveIdentity(ResolveIdentityRequest request) {
            return CompletableFuture.completedFuture(AwsCredentialsIdentity.create(KEY_ID, SECRET));
        }
    };

    /** AWS's SigV4 test suite, case get-vanilla: {@code GET /} on example.amazonaws.com at 20150830T123600Z. */
    @Test
    void theReferenceSignerReproducesAwsGetVanilla() throws Exception {
        assertThat(referenceSignature("GET", URI.create("https://example.amazonaws.com/"),
                Map.of("host", "example.amazonaws.com", "x-amz-date", "20150830T123600Z"), "us-east-1", "service"))
                .isEqualTo("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    @Test
    void getVanillaSignedByTheSdkSignerMatchesTheReference() throws Exception {
        SigV4Signer signer = new SigV4Signer(EXAMPLE_KEY, "us-east-1", "service",
                Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC));
        URI uri = URI.create("https://example.amazonaws.com/");
        Map<String, List<String>> added = signer.sign(uri, Map.of());
        assertThat(added).containsOnlyKeys("X-Amz-Date", "x-amz-content-sha256", "Authorization");
        assertThat(added.get("x-amz-content-sha256")).containsExactly(EMPTY_SHA256);
        String expected = referenceSignature("GET", uri, Map.of("host", "example.amazonaws.com",
                "x-amz-content-sha256", EMPTY_SHA256, "x-amz-date", "20150830T123600Z"), "us-east-1", "service");
        assertThat(added.get("Authorization")).containsExactly("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/"
                + "us-east-1/service/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=" + expected);
    }

    @Test
    void aNeptuneStreamReadIsSignedForNeptuneDbWithItsQueryAndHeaders() throws Exception {
        SigV4Signer signer = new SigV4Signer(EXAMPLE_KEY, "eu-west-1", SigV4Signer.NEPTUNE_SERVICE,
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        URI uri = URI.create("https://db.cluster-x.eu-west-1.neptune.amazonaws.com:8182/propertygraph/stream"
                + "?iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=6&opNum=6&limit=10");
        Map<String, List<String>> added = signer.sign(uri, Map.of("Accept-Encoding", List.of("gzip")));
        assertThat(added).doesNotContainKeys("Host", "Accept-Encoding");
        String expected = referenceSignature("GET", uri, Map.of("accept-encoding", "gzip",
                "host", "db.cluster-x.eu-west-1.neptune.amazonaws.com:8182", "x-amz-content-sha256", EMPTY_SHA256,
                "x-amz-date", "20260101T000000Z"), "eu-west-1", "neptune-db");
        assertThat(added.get("Authorization")).containsExactly("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/"
                + "eu-west-1/neptune-db/aws4_request, SignedHeaders=accept-encoding;host;x-amz-content-sha256;x-amz-date, "
                + "Signature=" + expected);
    }

    /** SigV4 of a body-less request whose query parameters need no escaping, headers given in lower case. */
    static String referenceSignature(String method, URI uri, Map<String, String> headers, String region,
                                     String service) throws Exception {
        TreeMap<String, String> sorted = new TreeMap<>(headers);
        TreeMap<String, String> query = new TreeMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv[1]);
            }
        }
        StringBuilder canonical = new StringBuilder(method).append('\n').append(uri.getRawPath()).append('\n');
        canonical.append(String.join("&", query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()))
                .append('\n');
        sorted.forEach((k, v) -> canonical.append(k).append(':').append(v).append('\n'));
        canonical.append('\n').append(String.join(";", sorted.keySet())).append('\n').append(EMPTY_SHA256);
        String amzDate = headers.get("x-amz-date");
        String date = amzDate.substring(0, 8);
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonical.toString()));
        byte[] key = hmac(("AWS4" + SECRET).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        return hex(hmac(key, toSign));
    }

    private static byte[] sha256(String s) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
