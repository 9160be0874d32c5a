package dev.nereid.server;

import dev.nereid.server.auth.AuthConfig;
import dev.nereid.server.http.HttpPipeline;
import dev.nereid.server.tls.TlsFiles;
import java.time.Duration;
import java.util.Optional;

/**
 * Who may do what, how the port is protected, and how much any one client may take.
 *
 * @param auth                  the principals and their IAM policies ({@code --auth sigv4}); null lets every
 *                              request in unsigned, as a Neptune cluster without IAM auth does
 * @param tls                   the certificate and key that make the port HTTPS and WSS; null serves plain
 *                              HTTP and WS
 * @param maxBodyBytes          the largest request body accepted (Neptune's 150 MiB by default)
 * @param maxConcurrentRequests HTTP requests processed at once, queued ones included; more get 429
 * @param requestReadTimeout    how long a request's headers may take to arrive, and its body may pause
 */
public record ServerSecurity(AuthConfig auth, TlsFiles tls, int maxBodyBytes, int maxConcurrentRequests,
                             Duration requestReadTimeout) {
    /** The default of {@code --max-concurrent-requests}: the depth of Neptune's request queue. */
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 8192;
    /** The default of {@code --request-read-timeout-ms}, the common web server's. */
    public static final Duration DEFAULT_REQUEST_READ_TIMEOUT = Duration.ofSeconds(60);

    public ServerSecurity {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("the maximum body size must be at least 1 byte, was " + maxBodyBytes);
        }
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("the maximum of concurrent requests must be at least 1, was "
                    + maxConcurrentRequests);
        }
        if (requestReadTimeout.isNegative() || requestReadTimeout.isZero()) {
            throw new IllegalArgumentException("the request read timeout must be positive, was "
                    + requestReadTimeout.toMillis() + " ms");
        }
    }

    /** No authentication, no TLS, Neptune's limits. */
    public static ServerSecurity open() {
        return new ServerSecurity(null, null, HttpPipeline.DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_CONCURRENT_REQUESTS,
                DEFAULT_REQUEST_READ_TIMEOUT);
    }

    public Optional<AuthConfig> authConfig() {
        return Optional.ofNullable(auth);
    }

    public Optional<TlsFiles> tlsFiles() {
        return Optional.ofNullable(tls);
    }

    public ServerSecurity withAuth(AuthConfig a) {
        return new ServerSecurity(a, tls, maxBodyBytes, maxConcurrentRequests, requestReadTimeout);
    }

    public ServerSecurity withTls(TlsFiles t) {
        return new ServerSecurity(auth, t, maxBodyBytes, maxConcurrentRequests, requestReadTimeout);
    }

    public ServerSecurity withMaxBodyBytes(int bytes) {
        return new ServerSecurity(auth, tls, bytes, maxConcurrentRequests, requestReadTimeout);
    }

    public ServerSecurity withMaxConcurrentRequests(int requests) {
        return new ServerSecurity(auth, tls, maxBodyBytes, requests, requestReadTimeout);
    }

    public ServerSecurity withRequestReadTimeout(Duration timeout) {
        return new ServerSecurity(auth, tls, maxBodyBytes, maxConcurrentRequests, timeout);
    }
}
