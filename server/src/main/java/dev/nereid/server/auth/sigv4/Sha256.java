package dev.nereid.server.auth.sigv4;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in lower-case hex, the form SigV4 puts hashes in. */
final class Sha256 {
    private Sha256() {
    }

    static String hex(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Hashes the bytes between position and limit through a duplicate: the caller's buffer is not moved. */
    static String hex(ByteBuffer body) {
        MessageDigest digest = digest();
        if (body != null) {
            digest.update(body.duplicate());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
