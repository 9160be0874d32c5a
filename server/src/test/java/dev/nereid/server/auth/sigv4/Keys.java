package dev.nereid.server.auth.sigv4;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/** The key pair the tests' server knows, and a verifier for Neptune in {@link #REGION} at {@link #NOW}. */
final class Keys {
    static final String KEY_ID = "AKIANEREIDTEST000001";
    static final String SECRET = "nereid/Test+Secret0123456789abcdefghijklm";
    static final String REGION = "us-east-1";
    static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    static final AwsCredentials CREDENTIALS = AwsBasicCredentials.create(KEY_ID, SECRET);
    static final Function<String, Optional<String>> SECRETS = id -> Optional.ofNullable(Map.of(KEY_ID, SECRET).get(id));
    static final SdkSigned.Signing SIGNING = new SdkSigned.Signing(CREDENTIALS, REGION, "neptune-db", NOW);

    private Keys() {
    }

    static SigV4Verifier verifierAt(Instant now) {
        return SigV4Verifier.forNeptune(REGION, SECRETS, Clock.fixed(now, ZoneOffset.UTC));
    }

    static SigV4Verifier verifier() {
        return verifierAt(NOW);
    }
}
