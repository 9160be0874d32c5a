package dev.nereid.server.auth.sigv4;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Requests signed by the AWS SDK for Java v2's own signer, turned into what the server receives: the path and
 * query the SDK puts on the wire, every header the signer left on the request, the body.
 */
final class SdkSigned {
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private SdkSigned() {
    }

    /** What to sign with; {@code payloadSigning} false makes the SDK send UNSIGNED-PAYLOAD over https. */
    record Signing(AwsCredentialsIdentity credentials, String region, String service, Instant at,
                   boolean payloadSigning, boolean chunked) {
        Signing(AwsCredentialsIdentity credentials, String region, String service, Instant at) {
            this(credentials, region, service, at, true, false);
        }

        Signing withRegion(String region) {
            return new Signing(credentials, region, service, at, payloadSigning, chunked);
        }

        Signing withService(String service) {
            return new Signing(credentials, region, service, at, payloadSigning, chunked);
        }

        Signing withCredentials(AwsCredentialsIdentity credentials) {
            return new Signing(credentials, region, service, at, payloadSigning, chunked);
        }

        Signing withoutPayloadSigning() {
            return new Signing(credentials, region, service, at, false, chunked);
        }

        Signing chunkedEncoding() {
            return new Signing(credentials, region, service, at, payloadSigning, true);
        }
    }

    static SignedRequest sign(SdkHttpRequest request, byte[] body, Signing signing) {
        var signed = SIGNER.sign(r -> r.identity(signing.credentials()).request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, signing.service())
                .putProperty(AwsV4HttpSigner.REGION_NAME, signing.region())
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, signing.payloadSigning())
                .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, signing.chunked())
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signing.at(), ZoneOffset.UTC)));
        SdkHttpRequest sent = signed.request();
        String rawQuery = sent.getUri().getRawQuery();
        String rawUri = sent.encodedPath() + (rawQuery == null ? "" : "?" + rawQuery);
        Map<String, List<String>> headers = new LinkedHashMap<>(sent.headers());
        return new SignedRequest(sent.method().name(), rawUri, headers,
                ByteBuffer.wrap(body), sent.protocol().equals("https"));
    }
}
