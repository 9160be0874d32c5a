package dev.nereid.server.auth;

import dev.nereid.server.auth.sigv4.SignedRequest;
import dev.nereid.server.auth.sigv4.SigV4Verifier;
import dev.nereid.server.auth.sigv4.Verification;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.util.NetUtil;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --auth sigv4}: every request must carry a valid AWS Signature Version 4 (service {@code neptune-db})
 * made with a key pair of the config; its caller is then held to that principal's policies.
 */
public final class SigV4Authentication implements Authentication {
    private static final Logger LOG = LoggerFactory.getLogger(SigV4Authentication.class);

    private final AuthConfig config;
    private final SigV4Verifier verifier;
    private final boolean secureTransport;
    private final Clock clock;

    /**
     * @param secureTransport whether the port speaks TLS (the {@code aws:SecureTransport} condition key, and
     *                        whether an unsigned payload may be trusted)
     * @param clock           what a signature's date must be within five minutes of
     */
    public SigV4Authentication(AuthConfig config, boolean secureTransport, Clock clock) {
        this.config = config;
        this.secureTransport = secureTransport;
        this.clock = clock;
        this.verifier = SigV4Verifier.forNeptune(config.region(),
                accessKeyId -> config.principalByAccessKeyId(accessKeyId).map(AuthPrincipal::secretAccessKey), clock);
    }

    @Override
    public Caller authenticate(FullHttpRequest request, SocketAddress remote) {
        SignedRequest signed = new SignedRequest(request.method().name(), request.uri(), headers(request),
                request.content().nioBuffer(), secureTransport);
        Verification verification = verifier.verify(signed);
        if (verification instanceof Verification.Verified verified) {
            AuthPrincipal principal = config.principalByAccessKeyId(verified.accessKeyId())
                    .orElseThrow(AccessDenied::exception);
            return new PolicyCaller(principal, config, secureTransport, sourceIp(remote), clock);
        }
        LOG.debug("{} {} refused: {}", request.method(), request.uri(), ((Verification.Rejected) verification).reason());
        throw AccessDenied.exception();
    }

    /** The peer's address as IAM writes {@code aws:SourceIp}; null for a peer that is no IP socket. */
    private static String sourceIp(SocketAddress remote) {
        return remote instanceof InetSocketAddress inet && inet.getAddress() != null
                ? NetUtil.toAddressString(inet.getAddress()) : null;
    }

    private static Map<String, List<String>> headers(FullHttpRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>(1)).add(h.getValue()));
        return headers;
    }
}
