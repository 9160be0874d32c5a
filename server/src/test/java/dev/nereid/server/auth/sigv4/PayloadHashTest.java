package dev.nereid.server.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadHashTest {
    /** SHA-256 of "abc", FIPS 180-2's example. */
    static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    static final ByteBuffer BODY = ByteBuffer.wrap("abc".getBytes(StandardCharsets.US_ASCII));

    static String of(Map<String, List<String>> headers, ByteBuffer body, boolean tls) throws RequestRejected {
        return PayloadHash.of(RequestHeaders.of(headers), body, tls);
    }

    @Test
    void withoutTheHeaderTheBodyIsHashed() throws RequestRejected {
        assertThat(of(Map.of(), BODY, false)).isEqualTo(ABC);
        assertThat(of(Map.of(), null, false))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void aDeclaredHashIsSignedAsSentOnceTheBodyMatchesIt() throws RequestRejected {
        assertThat(of(Map.of("X-Amz-Content-Sha256", List.of(ABC)), BODY, false)).isEqualTo(ABC);
        assertThat(of(Map.of("x-amz-content-sha256", List.of(ABC.toUpperCase())), BODY, false))
                .isEqualTo(ABC.toUpperCase());
        assertThat(of(Map.of("x-amz-content-sha256", List.of("UNSIGNED-PAYLOAD")), BODY, true))
                .isEqualTo("UNSIGNED-PAYLOAD");
    }

    @Test
    void aDeclaredValueThatIsNoHashIsRejected() {
        assertThatThrownBy(() -> of(Map.of("x-amz-content-sha256", List.of("abc")), BODY, true))
                .isInstanceOf(RequestRejected.class)
                .hasMessage("x-amz-content-sha256 'abc' is neither 64 hex digits nor UNSIGNED-PAYLOAD");
        assertThatThrownBy(() -> of(Map.of("x-amz-content-sha256", List.of("STREAMING-UNSIGNED-PAYLOAD-TRAILER")),
                BODY, true))
                .hasMessage("x-amz-content-sha256 is 'STREAMING-UNSIGNED-PAYLOAD-TRAILER': chunked (streaming) "
                        + "payload signing is not supported; sign the whole body");
        assertThatThrownBy(() -> of(Map.of("x-amz-content-sha256", List.of(ABC, ABC)), BODY, true))
                .hasMessage("2 x-amz-content-sha256 headers; expected at most one");
    }
}
