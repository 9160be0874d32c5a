package dev.nereid.server.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The canonical URI of SigV4 for a path as received, in the two forms signers produce. Both are derived from
 * the request itself and only the key holder can sign either, so accepting both gives nothing away.
 */
final class CanonicalUri {
    private CanonicalUri() {
    }

    /**
     * What the AWS SDKs sign for every service but S3: the path normalized ({@link DotSegments}) and then
     * URI-encoded although it already is, so each {@code %} becomes {@code %25}.
     *
     * @param rawPath the path as received, starting with '/'
     */
    static String encodedTwice(String rawPath) {
        String encoded = PercentEncoding.encode(DotSegments.remove(rawPath).getBytes(StandardCharsets.UTF_8), true);
        return keepTrailingSlashOnlyIfSent(encoded, decodedEndsWithSlash(rawPath));
    }

    /**
     * What signers that start from the unencoded path sign (AWS's published test suite, many hand-written
     * clients): the path decoded, normalized, and encoded once. Empty when the path has a malformed escape.
     */
    static Optional<String> encodedOnce(String rawPath) {
        return PercentEncoding.decode(rawPath, false).map(bytes -> {
            // ISO-8859-1 maps bytes to chars one to one, so normalizing (which looks only at '/' and '.') and
            // encoding see the decoded bytes unchanged, even those that are not valid UTF-8.
            String decoded = new String(bytes, StandardCharsets.ISO_8859_1);
            String normalized = DotSegments.remove(decoded);
            String encoded = PercentEncoding.encode(normalized.getBytes(StandardCharsets.ISO_8859_1), true);
            return keepTrailingSlashOnlyIfSent(encoded, decoded.endsWith("/"));
        });
    }

    /**
     * Normalizing {@code /a/b/.} leaves {@code /a/b/}; the AWS SDK for Java then drops that slash again unless
     * the decoded path it was given ended with one.
     */
    private static String keepTrailingSlashOnlyIfSent(String path, boolean sentWithTrailingSlash) {
        if (path.length() > 1 && path.endsWith("/") && !sentWithTrailingSlash) {
            return path.substring(0, path.length() - 1);
        }
        return path;
    }

    private static boolean decodedEndsWithSlash(String rawPath) {
        return rawPath.endsWith("/") || rawPath.regionMatches(true, rawPath.length() - 3, "%2F", 0, 3);
    }
}
