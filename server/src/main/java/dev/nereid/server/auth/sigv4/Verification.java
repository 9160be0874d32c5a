package dev.nereid.server.auth.sigv4;

import java.util.Optional;

/** What {@link SigV4Verifier} made of a request. */
public sealed interface Verification {

    /**
     * Signed by the holder of a configured key pair.
     *
     * @param sessionToken the {@code x-amz-security-token} the request carried, unchecked: Nereid has no STS to
     *                     ask, so the key pair alone authenticates
     */
    record Verified(String accessKeyId, Optional<String> sessionToken) implements Verification {
    }

    /** Not verified. The reason is for the server's debug log; clients get a generic 403. */
    record Rejected(String reason) implements Verification {
    }
}
