package dev.nereid.server.auth.sigv4;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The request's headers by lower-case name. The caller's map may spell one header several ways
 * ({@code Host}, {@code host}); they are one header, their values kept in the map's order.
 */
final class RequestHeaders {
    private final Map<String, List<String>> byLowerCaseName;

    private RequestHeaders(Map<String, List<String>> byLowerCaseName) {
        this.byLowerCaseName = byLowerCaseName;
    }

    /** Skips null names and null values: a request cannot carry them, so they sign as absent. */
    static RequestHeaders of(Map<String, List<String>> headers) {
        Map<String, List<String>> merged = new HashMap<>();
        headers.forEach((name, values) -> {
            if (name == null || values == null) {
                return;
            }
            List<String> into = null;
            for (String value : values) {
                if (value != null) {
                    if (into == null) {
                        into = merged.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>(1));
                    }
                    into.add(value);
                }
            }
        });
        return new RequestHeaders(merged);
    }

    /** Every value of the header, in arrival order; empty when it is absent. */
    List<String> all(String lowerCaseName) {
        return byLowerCaseName.getOrDefault(lowerCaseName, List.of());
    }

    boolean has(String lowerCaseName) {
        return byLowerCaseName.containsKey(lowerCaseName);
    }

    /**
     * A header that means something only once (sent twice, it is ambiguous and rejected), without the spaces
     * and tabs HTTP allows around a value.
     */
    Optional<String> single(String lowerCaseName) throws RequestRejected {
        List<String> values = all(lowerCaseName);
        if (values.size() > 1) {
            throw new RequestRejected(values.size() + " " + lowerCaseName + " headers; expected at most one");
        }
        return values.stream().findFirst().map(RequestHeaders::withoutOptionalWhitespace);
    }

    /** HTTP's optional whitespace: space and horizontal tab, nothing else. */
    static boolean isOptionalWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    private static String withoutOptionalWhitespace(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isOptionalWhitespace(value.charAt(start))) {
            start++;
        }
        while (end > start && isOptionalWhitespace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }
}
