package dev.nereid.server.auth.sigv4;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request exactly as it arrived, for {@link SigV4Verifier}: nothing decoded, nothing normalized,
 * because SigV4 signs the request's own bytes and any clean-up before verification would break it.
 *
 * @param method          the request method, e.g. {@code GET}
 * @param rawUri          the request target's path and query as received, still percent-encoded; non-ASCII
 *                        characters in it are read as UTF-8
 * @param headers         every header, names in any case; repeated headers as several values or several keys
 * @param body            the body between position and limit, read without being copied or moved; null for none
 * @param secureTransport whether the request arrived over TLS, which {@code UNSIGNED-PAYLOAD} requires
 */
public record SignedRequest(String method, String rawUri, Map<String, List<String>> headers, ByteBuffer body,
                            boolean secureTransport) {
}
