package dev.nereid.server.auth.sigv4;

import static dev.nereid.server.auth.sigv4.Keys.SIGNING;
import static dev.nereid.server.auth.sigv4.SigV4VerifierTest.NO_BODY;
import static dev.nereid.server.auth.sigv4.SigV4VerifierTest.VERIFIED;
import static dev.nereid.server.auth.sigv4.SigV4VerifierTest.to;
import static dev.nereid.server.auth.sigv4.SigV4VerifierTest.withBody;
import static dev.nereid.server.auth.sigv4.SigV4VerifierTest.withHeaders;
import static dev.nereid.server.auth.sigv4.SigV4VerifierTest.withUri;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nereid.server.auth.sigv4.Verification.Rejected;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * Thousands of random and mutated requests (seeded, so a failure replays) never make the verifier throw and
 * never verify. Each mutation changes what the request means: a change SigV4 deliberately ignores (case of a
 * hex escape, whitespace between Authorization components, an '=' added to a valueless parameter, an empty
 * query added with a '?') would rightly still verify, so the mutations avoid exactly those.
 */
class RobustnessTest {
    static final int CASES = 2_000;
    static final String UNEXPECTED = "verification failed unexpectedly";
    static final String[] AUTHORIZATION_TOKENS = {"AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 ", "AWS4-ECDSA-P256-SHA256",
            "Credential=", "SignedHeaders=", "Signature=", Keys.KEY_ID, "/", "//", "20260301", "us-east-1",
            "neptune-db", "aws4_request", "host", ";", ";;", "x-amz-date", "x-amz-content-sha256", ",", ", ", " ",
            "\t", "=", "==", "\u0000", "\n", "\u00e9", "\ud800", "\ud83d\ude00", "%", "0", "f", "", "Host", "HOST"};
    static final String URI_CHARACTERS = "/?&=%.+#~-_ azAZ09\u00e9\u20ac\ud800\ud83d\ude00\u0000\n;:,@!$'()*[]{}|\\^\"<>";

    final Random random = new Random(0x5167_4e45_5245_4944L);
    final SigV4Verifier verifier = Keys.verifier();
    SignedRequest get;
    SignedRequest post;

    @BeforeEach
    void signBaseRequests() {
        get = SdkSigned.sign(to(SdkHttpMethod.GET, "/loader/a%20b/caf%C3%A9")
                .appendRawQueryParameter("limit", "10")
                .appendRawQueryParameter("q", "a b+/\u00e9")
                .appendRawQueryParameter("flag", null)
                .build(), NO_BODY, SIGNING);
        byte[] body = "{\"gremlin\":\"g.V().count()\"}".getBytes(StandardCharsets.UTF_8);
        post = SdkSigned.sign(withBody(to(SdkHttpMethod.POST, "/gremlin"), "application/json", body).build(), body,
                SIGNING);
        assertThat(verifier.verify(get)).isEqualTo(VERIFIED);
        assertThat(verifier.verify(post)).isEqualTo(VERIFIED);
    }

    @Test
    void randomAuthorizationHeaders() {
        for (int n = 0; n < CASES; n++) {
            StringBuilder header = new StringBuilder();
            int tokens = random.nextInt(16);
            for (int i = 0; i < tokens; i++) {
                header.append(random.nextInt(8) == 0 ? randomHex(random.nextInt(70))
                        : AUTHORIZATION_TOKENS[random.nextInt(AUTHORIZATION_TOKENS.length)]);
            }
            assertRejected(withHeaders(base(n), replaced(base(n), "Authorization", header.toString())), header);
        }
    }

    @Test
    void mutatedAuthorizationHeaders() {
        for (int n = 0; n < CASES; n++) {
            SignedRequest base = base(n);
            String header = base.headers().get("Authorization").get(0);
            String mutated = mutate(header, " ,\t", "");
            assertRejected(withHeaders(base, replaced(base, "Authorization", mutated)), mutated);
        }
    }

    @Test
    void randomRequestTargets() {
        for (int n = 0; n < CASES; n++) {
            StringBuilder target = new StringBuilder(random.nextBoolean() ? "/" : "");
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                target.append(URI_CHARACTERS.charAt(random.nextInt(URI_CHARACTERS.length())));
            }
            assertRejected(withUri(base(n), target.toString()), target);
        }
    }

    @Test
    void mutatedRequestTargets() {
        for (int n = 0; n < CASES; n++) {
            SignedRequest base = base(n);
            String mutated = mutate(base.rawUri(), "", "&=/?");
            assertRejected(withUri(base, mutated), mutated);
        }
    }

    @Test
    void mutatedAndRandomHeaderMaps() {
        for (int n = 0; n < CASES; n++) {
            SignedRequest base = base(n);
            Map<String, List<String>> headers = new LinkedHashMap<>(base.headers());
            List<String> signed = List.of(base.headers().get("Authorization").get(0).split("SignedHeaders=")[1]
                    .split(",")[0].split(";"));
            String name = nameOf(headers, signed.get(random.nextInt(signed.size())));
            String change;
            switch (random.nextInt(6)) {
                case 0 -> {
                    headers.remove(name);
                    change = "removed " + name;
                }
                case 1 -> {
                    String value = mutate(headers.get(name).get(0), " \t\r\n\u000b\f", " \t\r\n\u000b\f");
                    headers.put(name, List.of(value));
                    change = name + ": " + value;
                }
                case 2 -> {
                    headers.put(name, List.of(headers.get(name).get(0), headers.get(name).get(0)));
                    change = name + " twice";
                }
                case 3 -> {
                    headers.put("Authorization", List.of(headers.get("Authorization").get(0), "AWS4-HMAC-SHA256"));
                    change = "two Authorization headers";
                }
                case 4 -> {
                    headers.put("x-amz-security-token", List.of("unsigned"));
                    change = "unsigned session token";
                }
                default -> {
                    headers = randomHeaders();
                    change = "random " + headers;
                }
            }
            assertRejected(withHeaders(base, headers), change);
        }
    }

    @Test
    void flippedBodyBytes() {
        byte[] body = new byte[post.body().remaining()];
        for (int n = 0; n < CASES; n++) {
            post.body().duplicate().get(body);
            int at = random.nextInt(body.length);
            body[at] ^= (byte) (1 + random.nextInt(255));
            SignedRequest tampered = new SignedRequest(post.method(), post.rawUri(), post.headers(),
                    ByteBuffer.wrap(body.clone()), true);
            assertRejected(tampered, "byte " + at);
        }
    }

    @Test
    void incompleteRequests() {
        List<String> none = new ArrayList<>(Arrays.asList((String) null));
        Map<String, List<String>> nulls = new LinkedHashMap<>();
        nulls.put(null, List.of("x"));
        nulls.put("Authorization", none);
        nulls.put("Host", null);
        assertThat(verifier.verify(null)).isEqualTo(new Rejected("no request"));
        assertThat(verifier.verify(new SignedRequest(null, "/", Map.of(), null, true)))
                .isEqualTo(new Rejected("no request method"));
        assertThat(verifier.verify(new SignedRequest("GET", null, Map.of(), null, true)))
                .isEqualTo(new Rejected("no request target"));
        assertThat(verifier.verify(new SignedRequest("GET", "/", null, null, true)))
                .isEqualTo(new Rejected("no headers"));
        assertThat(verifier.verify(new SignedRequest("GET", "/", nulls, null, true)))
                .isEqualTo(new Rejected("no Authorization header"));
        assertThat(verifier.verify(new SignedRequest(get.method(), get.rawUri(), get.headers(), null, true)))
                .isEqualTo(VERIFIED);
    }

    private SignedRequest base(int n) {
        return n % 2 == 0 ? get : post;
    }

    /**
     * One change: a character replaced, deleted or inserted. Replacements are never the same letter in the
     * other case; {@code separators} are neither replaced, deleted nor introduced, {@code notInserted} not
     * inserted.
     */
    private String mutate(String text, String separators, String notInserted) {
        while (true) {
            int at = random.nextInt(text.length() + 1);
            char c = URI_CHARACTERS.charAt(random.nextInt(URI_CHARACTERS.length()));
            if (separators.indexOf(c) >= 0 || Character.isWhitespace(c) && !separators.isEmpty()) {
                continue;
            }
            switch (random.nextInt(3)) {
                case 0 -> {
                    if (at < text.length() && separators.indexOf(text.charAt(at)) < 0
                            && Character.toLowerCase(c) != Character.toLowerCase(text.charAt(at))) {
                        return text.substring(0, at) + c + text.substring(at + 1);
                    }
                }
                case 1 -> {
                    if (at < text.length() && separators.indexOf(text.charAt(at)) < 0 && !emptiesAValue(text, at)) {
                        return text.substring(0, at) + text.substring(at + 1);
                    }
                }
                default -> {
                    if (notInserted.indexOf(c) < 0) {
                        return text.substring(0, at) + c + text.substring(at);
                    }
                }
            }
        }
    }

    /** Deleting the '=' of {@code name=} leaves {@code name}, which SigV4 signs the same. */
    private static boolean emptiesAValue(String text, int at) {
        return text.charAt(at) == '=' && (at + 1 == text.length() || text.charAt(at + 1) == '&');
    }

    private Map<String, List<String>> randomHeaders() {
        String[] names = {"Authorization", "Host", "X-Amz-Date", "Date", "x-amz-content-sha256", "X-Amz-Security-Token",
                "Content-Type", ""};
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            String name = names[random.nextInt(names.length)];
            if (random.nextBoolean()) {
                name = name.toUpperCase(Locale.ROOT);
            }
            List<String> values = new ArrayList<>();
            int valueCount = random.nextInt(3);
            for (int v = 0; v < valueCount; v++) {
                values.add(random.nextBoolean() ? randomHex(random.nextInt(70))
                        : AUTHORIZATION_TOKENS[random.nextInt(AUTHORIZATION_TOKENS.length)]);
            }
            headers.put(name, values);
        }
        return headers;
    }

    private String randomHex(int length) {
        byte[] bytes = new byte[(length + 1) / 2];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, length);
    }

    private static String nameOf(Map<String, List<String>> headers, String lowerCaseName) {
        return headers.keySet().stream().filter(name -> name.equalsIgnoreCase(lowerCaseName)).findFirst().orElseThrow();
    }

    private static Map<String, List<String>> replaced(SignedRequest request, String name, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put(name, List.of(value));
        return headers;
    }

    private void assertRejected(SignedRequest request, Object what) {
        int position = request.body() == null ? 0 : request.body().position();
        Verification verification = verifier.verify(request);
        assertThat(verification).as("%s", what).isInstanceOf(Rejected.class);
        assertThat(((Rejected) verification).reason()).as("%s", what).doesNotStartWith(UNEXPECTED);
        if (request.body() != null) {
            assertThat(request.body().position()).isEqualTo(position);
        }
    }
}
