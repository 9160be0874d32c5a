package dev.nereid.server.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CanonicalUriTest {

    @Test
    void encodedTwiceEscapesEveryEscapeAgain() {
        assertThat(CanonicalUri.encodedTwice("/gremlin")).isEqualTo("/gremlin");
        assertThat(CanonicalUri.encodedTwice("/a%20b/100%25")).isEqualTo("/a%2520b/100%2525");
        assertThat(CanonicalUri.encodedTwice("/a%2Fb")).isEqualTo("/a%252Fb");
        assertThat(CanonicalUri.encodedTwice("/a b/x+y")).isEqualTo("/a%20b/x%2By");
        assertThat(CanonicalUri.encodedTwice("/\u1234")).isEqualTo("/%E1%88%B4");
        assertThat(CanonicalUri.encodedTwice("/-._~AZaz09")).isEqualTo("/-._~AZaz09");
    }

    @Test
    void encodedOnceDecodesFirst() {
        assertThat(CanonicalUri.encodedOnce("/a%20b/100%25")).contains("/a%20b/100%25");
        assertThat(CanonicalUri.encodedOnce("/%e1%88%b4")).contains("/%E1%88%B4");
        assertThat(CanonicalUri.encodedOnce("/%FF")).contains("/%FF");
        assertThat(CanonicalUri.encodedOnce("/a/%2E%2E/b")).contains("/b");
        assertThat(CanonicalUri.encodedOnce("/100%")).isEqualTo(Optional.empty());
        assertThat(CanonicalUri.encodedOnce("/%zz")).isEqualTo(Optional.empty());
    }

    /** Normalizing leaves a slash the client did not send; the SDK takes it off again, and so must we. */
    @Test
    void aTrailingSlashOnlyWhenThePathHadOne() {
        assertThat(CanonicalUri.encodedTwice("/a/b/.")).isEqualTo("/a/b");
        assertThat(CanonicalUri.encodedTwice("/a/b/..")).isEqualTo("/a");
        assertThat(CanonicalUri.encodedTwice("/a/b/")).isEqualTo("/a/b/");
        assertThat(CanonicalUri.encodedTwice("/a/b/./")).isEqualTo("/a/b/");
        assertThat(CanonicalUri.encodedTwice("/a/..")).isEqualTo("/");
        assertThat(CanonicalUri.encodedOnce("/a/b/.")).contains("/a/b");
        assertThat(CanonicalUri.encodedOnce("/a/b%2F.")).contains("/a/b");
        assertThat(CanonicalUri.encodedOnce("/a/b%2F")).contains("/a/b/");
    }
}
