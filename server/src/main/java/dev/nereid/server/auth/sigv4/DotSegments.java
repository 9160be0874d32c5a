package dev.nereid.server.auth.sigv4;

import java.util.ArrayList;
import java.util.List;

/**
 * Path normalization exactly as {@link java.net.URI#normalize()} does it for an absolute path, which is what the
 * AWS SDK for Java applies before signing: {@code .} segments and empty segments (repeated slashes) dropped,
 * each {@code ..} removing the segment before it, and a {@code ..} that has nothing to remove kept. Escaped
 * dots ({@code %2E}) are ordinary characters here, as they are to {@code URI}.
 *
 * <p>Written out rather than delegated to {@code URI} because a received path need not be a legal URI (a raw
 * space or {@code |}), and a verifier must still answer for it.
 */
final class DotSegments {
    private DotSegments() {
    }

    /** {@code path} starts with '/'. */
    static String remove(String path) {
        List<String> kept = new ArrayList<>();
        boolean trailingSlash = false;
        int start = 1;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            String segment = path.substring(start, end);
            boolean last = end == path.length();
            trailingSlash = false;
            if (segment.isEmpty()) {
                trailingSlash = last && !kept.isEmpty();
            } else if (segment.equals(".")) {
                trailingSlash = true;
            } else if (segment.equals("..") && !kept.isEmpty() && !kept.get(kept.size() - 1).equals("..")) {
                kept.remove(kept.size() - 1);
                trailingSlash = true;
            } else {
                kept.add(segment);
            }
            start = end + 1;
        }
        if (kept.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder(path.length());
        for (String segment : kept) {
            out.append('/').append(segment);
        }
        return trailingSlash ? out.append('/').toString() : out.toString();
    }
}
