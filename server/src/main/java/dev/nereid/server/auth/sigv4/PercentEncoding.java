package dev.nereid.server.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * SigV4's URI encoding: RFC 3986's unreserved characters ({@code A-Z a-z 0-9 - _ . ~}) kept, every other byte
 * of the UTF-8 form as {@code %XX} in upper case. Both directions work on bytes, so escapes that are not valid
 * UTF-8 survive a round trip unchanged, as a byte-wise signer sees them.
 */
final class PercentEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    static String encode(byte[] bytes, boolean keepSlashes) {
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (isUnreserved(c) || keepSlashes && c == '/') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /**
     * The bytes {@code text} stands for: each {@code %XX} one byte, any other character its UTF-8 bytes, and,
     * when {@code plusIsSpace}, each {@code +} a space as HTML forms mean it. Empty when a {@code %} is not
     * followed by two hex digits.
     */
    static Optional<byte[]> decode(String text, boolean plusIsSpace) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[in.length];
        int n = 0;
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '%') {
                int high = i + 2 < in.length ? Character.digit(in[i + 1], 16) : -1;
                int low = high >= 0 ? Character.digit(in[i + 2], 16) : -1;
                if (low < 0) {
                    return Optional.empty();
                }
                out[n++] = (byte) (high << 4 | low);
                i += 2;
            } else {
                out[n++] = plusIsSpace && b == '+' ? (byte) ' ' : b;
            }
        }
        return Optional.of(n == out.length ? out : Arrays.copyOf(out, n));
    }

    private static boolean isUnreserved(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
