package dev.nereid.server.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SigV4's signing key: HMAC-SHA256 chained from {@code "AWS4" + secret} over the scope's day, region, service
 * and {@code aws4_request}, so a key works only inside its scope.
 */
final class SigningKey {
    private static final String HMAC_SHA256 = "HmacSHA256";

    private final byte[] key;

    private SigningKey(byte[] key) {
        this.key = key;
    }

    static SigningKey derive(String secret, CredentialScope scope) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope.day());
        key = hmac(key, scope.region());
        key = hmac(key, scope.service());
        return new SigningKey(hmac(key, CredentialScope.TERMINATOR));
    }

    /** The signature of a string to sign, in lower-case hex as the Authorization header carries it. */
    String sign(String stringToSign) {
        return HexFormat.of().formatHex(hmac(key, stringToSign));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }
}
