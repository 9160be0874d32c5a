package dev.nereid.server.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nereid.server.auth.sigv4.Verification.Verified;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests from AWS's published SigV4 test suites, with the signatures AWS published for them. The 2015 suite
 * dates requests by {@code X-Amz-Date}; the 2011 one (as botocore keeps it) by {@code Date}, encodes paths once
 * and normalizes them, so it also proves the once-encoded form and dot-segment removal.
 */
class PublishedVectorsTest {
    static final String KEY_ID = "AKIDEXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    /** One request of a suite; {@code headers} besides Host, the date header and Authorization. */
    record Vector(String name, String method, String target, Map<String, List<String>> headers, String body,
                  String signedHeaders, String signature) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Vector> suite2015() {
        return Stream.of(
                get2015("get-vanilla", "/", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                get2015("get-unreserved", "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                        "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"),
                get2015("get-slashes", "//example//", "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84"),
                get2015("get-vanilla-query-order-key-case", "/?Param2=value2&Param1=value1",
                        "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
                get2015("get-vanilla-query-order-value", "/?Param1=value2&Param1=value1",
                        "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694"),
                get2015("get-vanilla-utf8-query", "/?\u1234=bar",
                        "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"),
                new Vector("get-header-value-order", "GET", "/",
                        Map.of("My-Header1", List.of("value4", "value1", "value3", "value2")), "",
                        "host;my-header1;x-amz-date", "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01"),
                new Vector("get-header-key-duplicate", "GET", "/",
                        Map.of("My-Header1", List.of("value2", "value2", "value1")), "",
                        "host;my-header1;x-amz-date", "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"),
                new Vector("get-header-value-trim", "GET", "/",
                        Map.of("My-Header1", List.of(" value1"), "My-Header2", List.of("\"a   b   c\"")), "",
                        "host;my-header1;my-header2;x-amz-date",
                        "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"),
                new Vector("post-x-www-form-urlencoded", "POST", "/",
                        Map.of("Content-Type", List.of("application/x-www-form-urlencoded")), "Param1=value1",
                        "content-type;host;x-amz-date", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"));
    }

    static Stream<Vector> suite2011() {
        return Stream.of(
                get2011("get-vanilla", "/", "b27ccfbfa7df52a200ff74193ca6e32d4b48b8856fab7ebf1c595d0670a7e470"),
                get2011("get-relative-relative", "/foo/bar/../..",
                        "b27ccfbfa7df52a200ff74193ca6e32d4b48b8856fab7ebf1c595d0670a7e470"),
                get2011("get-slash-dot-slash", "/./", "b27ccfbfa7df52a200ff74193ca6e32d4b48b8856fab7ebf1c595d0670a7e470"),
                get2011("get-slash-pointless-dot", "/./foo", "910e4d6c9abafaf87898e1eb4c929135782ea25bb0279703146455745391e63a"),
                get2011("get-utf8", "/%E1%88%B4", "8d6634c189aa8c75c2e51e106b6b5121bed103fdb351f7d7d4381c738823af74"),
                get2011("get-vanilla-query-order-key-case", "/?foo=Zoo&foo=aha",
                        "be7148d34ebccdc6423b19085378aa0bee970bdc61d144bd1a8c48c33079ab09"),
                get2011("get-vanilla-query-order-value", "/?foo=b&foo=a",
                        "feb926e49e382bec75c9d7dcb2a1b6dc8aa50ca43c25d2bc51143768c0875acc"),
                get2011("get-vanilla-ut8-query", "/?\u1234=bar", "6fb359e9a05394cc7074e0feb42573a2601abc0c869a953e8c5c12e4e01f1a8c"),
                new Vector("post-vanilla", "POST", "/", Map.of(), "", "date;host",
                        "22902d79e148b64e7571c3565769328423fe276eae4b26f83afceda9e767f726"),
                new Vector("post-vanilla-query", "POST", "/?foo=bar", Map.of(), "", "date;host",
                        "b6e3b79003ce0743a491606ba1035a804593b0efb1e20a11cba83f8c25a57a92"),
                new Vector("post-header-key-sort", "POST", "/", Map.of("ZOO", List.of("zoobar")), "", "date;host;zoo",
                        "b7a95a52518abbca0964a999a880429ab734f35ebbf1235bd79a5de87756dc4a"),
                new Vector("post-header-value-case", "POST", "/", Map.of("zoo", List.of("ZOOBAR")), "", "date;host;zoo",
                        "273313af9d0c265c531e11db70bbd653f3ba074c1009239e8559d3987039cad7"),
                new Vector("get-header-value-trim", "POST", "/", Map.of("p", List.of("phfft")), "", "date;host;p",
                        "debf546796015d6f6ded8626f5ce98597c33b47b9164cf6b17b4642036fcb592"),
                new Vector("post-x-www-form-urlencoded", "POST", "/",
                        Map.of("Content-Type", List.of("application/x-www-form-urlencoded")), "foo=bar",
                        "content-type;date;host", "5a15b22cf462f047318703b92e6f4f38884e4a7ab7b1d6426ca46a8bd1c26cbc"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suite2015")
    void theSuiteOf2015DatedByXAmzDate(Vector vector) {
        SigV4Verifier verifier = verifier("service", "2015-08-30T12:36:00Z");
        Map<String, List<String>> headers = new LinkedHashMap<>(vector.headers());
        headers.put("Host", List.of("example.amazonaws.com"));
        headers.put("X-Amz-Date", List.of("20150830T123600Z"));
        headers.put("Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/"
                + "aws4_request, SignedHeaders=" + vector.signedHeaders() + ", Signature=" + vector.signature()));

        assertThat(verifier.verify(request(vector, headers))).isEqualTo(new Verified(KEY_ID, Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suite2011")
    void theSuiteOf2011DatedByDate(Vector vector) {
        SigV4Verifier verifier = verifier("host", "2011-09-09T23:36:00Z");
        Map<String, List<String>> headers = new LinkedHashMap<>(vector.headers());
        headers.put("Host", List.of("host.foo.com"));
        headers.put("Date", List.of("Mon, 09 Sep 2011 23:36:00 GMT"));
        headers.put("Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20110909/us-east-1/host/"
                + "aws4_request, SignedHeaders=" + vector.signedHeaders() + ", Signature=" + vector.signature()));

        assertThat(verifier.verify(request(vector, headers))).isEqualTo(new Verified(KEY_ID, Optional.empty()));
    }

    /** The AWS CRT's get-vanilla-with-session-token, from the same family as the 2015 suite. */
    @Test
    void getVanillaWithSessionToken() {
        String token = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";
        Map<String, List<String>> headers = Map.of(
                "Host", List.of("example.amazonaws.com"),
                "X-Amz-Date", List.of("20150830T123600Z"),
                "X-Amz-Security-Token", List.of(token),
                "Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                        + "SignedHeaders=host;x-amz-date;x-amz-security-token, "
                        + "Signature=07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8"));

        assertThat(verifier("service", "2015-08-30T12:36:00Z").verify(
                new SignedRequest("GET", "/", headers, ByteBuffer.allocate(0), false)))
                .isEqualTo(new Verified(KEY_ID, Optional.of(token)));
    }

    private static Vector get2015(String name, String target, String signature) {
        return new Vector(name, "GET", target, Map.of(), "", "host;x-amz-date", signature);
    }

    private static Vector get2011(String name, String target, String signature) {
        return new Vector(name, "GET", target, Map.of(), "", "date;host", signature);
    }

    private static SignedRequest request(Vector vector, Map<String, List<String>> headers) {
        return new SignedRequest(vector.method(), vector.target(), headers,
                ByteBuffer.wrap(vector.body().getBytes(StandardCharsets.UTF_8)), false);
    }

    private static SigV4Verifier verifier(String service, String now) {
        return new SigV4Verifier(service, "us-east-1",
                id -> id.equals(KEY_ID) ? Optional.of(SECRET) : Optional.empty(),
                Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }
}
