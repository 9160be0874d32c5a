package dev.nereid.server.auth.sigv4;

import dev.nereid.server.auth.sigv4.Verification.Rejected;
import dev.nereid.server.auth.sigv4.Verification.Verified;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks AWS Signature Version 4 on a request the way a Neptune cluster with IAM authentication does, for every
 * HTTP request and for the Gremlin WebSocket handshake: the Authorization header's signature must be the one
 * the named key's secret gives for this request, scoped to this service and region, made within five minutes of
 * the server's clock. Query-string (presigned URL) signatures and chunked payload signing are not accepted.
 *
 * <p>Thread-safe; {@link #verify} never throws.
 */
public final class SigV4Verifier {
    /** Neptune's signing name. */
    public static final String NEPTUNE_SERVICE = "neptune-db";
    /** How far the request time may be from the server clock, either way, as AWS allows. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int MAX_LOGGED_CANONICAL_REQUEST = 4000;

    private final String service;
    private final String region;
    private final Function<String, Optional<String>> secretByAccessKeyId;
    private final Clock clock;

    /**
     * @param service             the signing name requests must be scoped to
     * @param region              the region requests must be scoped to
     * @param secretByAccessKeyId the secret access key of each key pair that may sign, by access key id
     */
    public SigV4Verifier(String service, String region, Function<String, Optional<String>> secretByAccessKeyId,
                         Clock clock) {
        this.service = Objects.requireNonNull(service, "service");
        this.region = Objects.requireNonNull(region, "region");
        this.secretByAccessKeyId = Objects.requireNonNull(secretByAccessKeyId, "secretByAccessKeyId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Verifies for Neptune ({@value #NEPTUNE_SERVICE}) in {@code region}. */
    public static SigV4Verifier forNeptune(String region, Function<String, Optional<String>> secretByAccessKeyId,
                                           Clock clock) {
        return new SigV4Verifier(NEPTUNE_SERVICE, region, secretByAccessKeyId, clock);
    }

    public Verification verify(SignedRequest request) {
        try {
            return check(request);
        } catch (RequestRejected e) {
            return new Rejected(e.getMessage());
        } catch (RuntimeException e) {
            // A fault here (or in the secret lookup) must cost one request a 403, not the connection's handler.
            return new Rejected("verification failed unexpectedly: " + e);
        }
    }

    private Verification check(SignedRequest request) throws RequestRejected {
        requireComplete(request);
        RequestHeaders headers = RequestHeaders.of(request.headers());
        RequestTarget target = RequestTarget.parse(request.rawUri());
        Optional<String> presigning = target.query().presigningParameter();
        if (presigning.isPresent()) {
            throw new RequestRejected("query-string authentication (a presigned URL, here with " + presigning.get()
                    + ") is not supported; sign with the Authorization header");
        }
        String authorization = headers.single("authorization")
                .orElseThrow(() -> new RequestRejected("no Authorization header"));
        AuthorizationHeader auth = AuthorizationHeader.parse(authorization);
        requireScope(auth.scope());
        RequestTime time = RequestTime.of(headers);
        requireFresh(time);
        if (!auth.scope().day().equals(time.day())) {
            throw new RequestRejected("credential scope date " + auth.scope().day() + " is not the request date "
                    + time.day() + " (from " + time.header() + ")");
        }
        auth.signedHeaders().requireCoverage(headers, time);
        Optional<String> sessionToken = headers.single(SignedHeaders.SECURITY_TOKEN);
        if (sessionToken.isPresent() && sessionToken.get().isBlank()) {
            throw new RequestRejected("x-amz-security-token is empty");
        }
        String secret = secretFor(auth.accessKeyId());
        String payloadHash = PayloadHash.of(headers, request.body(), request.secureTransport());

        SigningKey key = SigningKey.derive(secret, auth.scope());
        String canonicalHeaders = auth.signedHeaders().canonicalHeaders(headers);
        byte[] claimed = auth.signature().getBytes(StandardCharsets.US_ASCII);
        List<CanonicalRequest> tried = new ArrayList<>(4);
        for (String uri : target.canonicalUris()) {
            for (String query : target.canonicalQueries()) {
                CanonicalRequest canonical = new CanonicalRequest(request.method(), uri, query, canonicalHeaders,
                        auth.signedHeaders().text(), payloadHash);
                String signature = key.sign(canonical.stringToSign(time, auth.scope()));
                if (MessageDigest.isEqual(signature.getBytes(StandardCharsets.US_ASCII), claimed)) {
                    return new Verified(auth.accessKeyId(), sessionToken);
                }
                tried.add(canonical);
            }
        }
        throw new RequestRejected(mismatch(tried));
    }

    private static void requireComplete(SignedRequest request) throws RequestRejected {
        if (request == null) {
            throw new RequestRejected("no request");
        }
        if (request.method() == null || request.method().isEmpty()) {
            throw new RequestRejected("no request method");
        }
        if (request.rawUri() == null) {
            throw new RequestRejected("no request target");
        }
        if (request.headers() == null) {
            throw new RequestRejected("no headers");
        }
    }

    private void requireScope(CredentialScope scope) throws RequestRejected {
        if (!scope.service().equals(service)) {
            throw new RequestRejected("credential scope service " + LogText.quote(scope.service()) + " is not "
                    + LogText.quote(service));
        }
        if (!scope.region().equals(region)) {
            throw new RequestRejected("credential scope region " + LogText.quote(scope.region())
                    + " is not this server's region " + LogText.quote(region));
        }
    }

    private void requireFresh(RequestTime time) throws RequestRejected {
        Instant now = clock.instant();
        Duration skew = Duration.between(time.instant(), now);
        if (skew.abs().compareTo(MAX_CLOCK_SKEW) > 0) {
            String direction = skew.isNegative() ? "ahead of" : "behind";
            throw new RequestRejected("request time " + time.basic() + " (from " + time.header() + ") is "
                    + skew.abs().toSeconds() + " s " + direction + " the server clock "
                    + new RequestTime(now, time.header()).basic() + "; at most " + MAX_CLOCK_SKEW.toSeconds()
                    + " s of skew is allowed");
        }
    }

    private String secretFor(String accessKeyId) throws RequestRejected {
        Optional<String> secret = secretByAccessKeyId.apply(accessKeyId);
        if (secret == null || secret.isEmpty()) {
            throw new RequestRejected("unknown access key id " + LogText.quote(accessKeyId));
        }
        return secret.get();
    }

    private static String mismatch(List<CanonicalRequest> tried) {
        StringBuilder reason = new StringBuilder("signature does not match the canonical request ")
                .append(LogText.quote(tried.get(0).textForLog(), MAX_LOGGED_CANONICAL_REQUEST));
        if (tried.size() > 1) {
            reason.append(" (nor ").append(tried.size() - 1).append(" other encoding")
                    .append(tried.size() > 2 ? "s" : "").append(" of its path and query)");
        }
        return reason.toString();
    }
}
