package dev.nereid.server.auth.sigv4;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The payload hash line of the canonical request. A client that sends {@code x-amz-content-sha256} signs that
 * value, so the body must hash to it; one that does not signs the body's hash directly.
 */
final class PayloadHash {
    static final String HEADER = "x-amz-content-sha256";
    static final String UNSIGNED = "UNSIGNED-PAYLOAD";
    private static final String STREAMING_PREFIX = "STREAMING-";

    private PayloadHash() {
    }

    static String of(RequestHeaders headers, ByteBuffer body, boolean secureTransport) throws RequestRejected {
        Optional<String> declared = headers.single(HEADER);
        if (declared.isEmpty()) {
            return Sha256.hex(body);
        }
        String value = declared.get();
        if (value.equals(UNSIGNED)) {
            // Without TLS nothing would keep the body from being swapped on the way.
            if (!secureTransport) {
                throw new RequestRejected(HEADER + " is " + UNSIGNED + ", which is accepted only over TLS");
            }
            return value;
        }
        if (value.startsWith(STREAMING_PREFIX)) {
            throw new RequestRejected(HEADER + " is " + LogText.quote(value)
                    + ": chunked (streaming) payload signing is not supported; sign the whole body");
        }
        if (value.length() != 64 || !value.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
            throw new RequestRejected(HEADER + " " + LogText.quote(value)
                    + " is neither 64 hex digits nor " + UNSIGNED);
        }
        String actual = Sha256.hex(body);
        if (!actual.equalsIgnoreCase(value)) {
            throw new RequestRejected(HEADER + " is " + value + " but the body's SHA-256 is " + actual
                    + ": the body is not the one signed");
        }
        return value;
    }
}
