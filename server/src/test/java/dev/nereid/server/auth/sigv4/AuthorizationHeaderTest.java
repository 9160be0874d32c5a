package dev.nereid.server.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizationHeaderTest {
    static final String SIGNATURE = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";
    static final AuthorizationHeader GET_VANILLA = new AuthorizationHeader("AKIDEXAMPLE",
            new CredentialScope("20150830", "us-east-1", "service"), new SignedHeaders(List.of("host", "x-amz-date")),
            SIGNATURE);

    static String header(String credential, String signedHeaders, String signature) {
        return "AWS4-HMAC-SHA256 Credential=" + credential + ", SignedHeaders=" + signedHeaders + ", Signature="
                + signature;
    }

    @Test
    void parsesTheCommaSpaceFormTheSdksSend() throws RequestRejected {
        assertThat(AuthorizationHeader.parse(header("AKIDEXAMPLE/20150830/us-east-1/service/aws4_request",
                "host;x-amz-date", SIGNATURE))).isEqualTo(GET_VANILLA);
    }

    @Test
    void toleratesCommasAndWhitespaceInAnyMixAndAnyOrder() throws RequestRejected {
        for (String header : List.of(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,SignedHeaders=host;"
                        + "x-amz-date,Signature=" + SIGNATURE,
                "AWS4-HMAC-SHA256\t Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request ,  SignedHeaders="
                        + "host;x-amz-date ,, Signature=" + SIGNATURE + "  ",
                "AWS4-HMAC-SHA256 Signature=" + SIGNATURE.toUpperCase() + " SignedHeaders=host;x-amz-date "
                        + "Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request")) {
            assertThat(AuthorizationHeader.parse(header)).as(header).isEqualTo(GET_VANILLA);
        }
    }

    @Test
    void rejectsEachMalformedPartWithItsReason() {
        String scope = "AKIDEXAMPLE/20150830/us-east-1/service/aws4_request";
        assertRejected("", "Authorization scheme '' is not supported; sign with AWS4-HMAC-SHA256");
        assertRejected("AWS4-HMAC-SHA256", "Authorization header has no Credential");
        assertRejected("AWS4-HMAC-SHA256 Credential=" + scope + ", Signature=" + SIGNATURE,
                "Authorization header has no SignedHeaders");
        assertRejected(header(scope, "host", SIGNATURE) + ", Signature=" + SIGNATURE,
                "Authorization header has Signature twice");
        assertRejected(header(scope, "host", SIGNATURE) + ", Extra=1",
                "Authorization header component 'Extra=1' is not Credential=, SignedHeaders= or Signature=");
        assertRejected("AWS4-HMAC-SHA256 credential=" + scope + ", SignedHeaders=host, Signature=" + SIGNATURE,
                "Authorization header component 'credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request' "
                        + "is not Credential=, SignedHeaders= or Signature=");
        assertRejected(header("AKIDEXAMPLE/20150830/us-east-1/service", "host", SIGNATURE),
                "Credential 'AKIDEXAMPLE/20150830/us-east-1/service' is not "
                        + "accessKeyId/yyyymmdd/region/service/aws4_request");
        assertRejected(header("/20150830/us-east-1/service/aws4_request", "host", SIGNATURE),
                "Credential '/20150830/us-east-1/service/aws4_request' is not "
                        + "accessKeyId/yyyymmdd/region/service/aws4_request");
        assertRejected(header("AKIDEXAMPLE/20150830/us-east-1/service/aws4_requests", "host", SIGNATURE),
                "Credential 'AKIDEXAMPLE/20150830/us-east-1/service/aws4_requests' ends in 'aws4_requests', "
                        + "not aws4_request");
        assertRejected(header("AKIDEXAMPLE/2015-08-30/us-east-1/service/aws4_request", "host", SIGNATURE),
                "Credential 'AKIDEXAMPLE/2015-08-30/us-east-1/service/aws4_request' has scope date '2015-08-30', "
                        + "which is not yyyymmdd");
        assertRejected(header(scope, "host", SIGNATURE.substring(1)),
                "Signature '" + SIGNATURE.substring(1) + "' is not 64 hex digits");
        assertRejected(header(scope, "host", SIGNATURE.replace('f', 'g')),
                "Signature '" + SIGNATURE.replace('f', 'g') + "' is not 64 hex digits");
        assertRejected(header(scope, "", SIGNATURE), "SignedHeaders is empty");
        assertRejected(header(scope, "host;;x-amz-date", SIGNATURE),
                "SignedHeaders 'host;;x-amz-date' has an empty name");
        assertRejected(header(scope, "Host;x-amz-date", SIGNATURE),
                "SignedHeaders names 'Host', which is not lower case");
        assertRejected(header(scope, "host;host", SIGNATURE), "SignedHeaders names 'host' twice");
    }

    @Test
    void otherSchemesAreNamedInTheReasonQuotedForTheLog() {
        assertRejected("AWS4-HMAC-SHA512 Credential=x", "Authorization scheme 'AWS4-HMAC-SHA512' is not supported; "
                + "sign with AWS4-HMAC-SHA256");
        assertRejected("Bearer\u0000\u001b[31m", "Authorization scheme 'Bearer\\u0000\\u001b[31m' is not supported; "
                + "sign with AWS4-HMAC-SHA256");
        assertRejected("\u0000AWS4-HMAC-SHA256 Credential=x", "Authorization scheme '\\u0000AWS4-HMAC-SHA256' is not "
                + "supported; sign with AWS4-HMAC-SHA256");
    }

    private static void assertRejected(String header, String reason) {
        assertThatThrownBy(() -> AuthorizationHeader.parse(header)).as(header)
                .isInstanceOf(RequestRejected.class).hasMessage(reason);
    }
}
