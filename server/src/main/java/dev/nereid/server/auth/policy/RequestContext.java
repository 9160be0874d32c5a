package dev.nereid.server.auth.policy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The condition keys of one request and their values, e.g. {@code aws:SecureTransport → "true"}. Keys are
 * case-insensitive, as IAM's are.
 *
 * @param values keyed by the lower-cased key, however the caller spelled it
 */
public record RequestContext(Map<String, String> values) {
    public static final RequestContext EMPTY = new RequestContext(Map.of());

    public RequestContext {
        Map<String, String> lowered = new HashMap<>();
        values.forEach((key, value) -> {
            if (lowered.put(lower(key), value) != null) {
                throw new IllegalArgumentException("condition key " + key + " is given twice, in different case");
            }
        });
        values = Map.copyOf(lowered);
    }

    /** Empty when the request has no such key. */
    public Optional<String> value(String key) {
        return Optional.ofNullable(values.get(lower(key)));
    }

    private static String lower(String key) {
        return key.toLowerCase(Locale.ROOT);
    }
}
