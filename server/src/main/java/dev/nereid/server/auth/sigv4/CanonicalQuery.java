package dev.nereid.server.auth.sigv4;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The canonical query string of SigV4, built from the query as received: each {@code name=value} decoded,
 * re-encoded with {@link PercentEncoding}, sorted by name then value, joined with '&'.
 *
 * @param parameters encoded names and values, sorted
 */
record CanonicalQuery(List<CanonicalQuery.Parameter> parameters) {
    /** The parameters that carry query-string (presigned URL) authentication. */
    private static final List<String> PRESIGNING = List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature");
    private static final Comparator<Parameter> ORDER =
            Comparator.comparing(Parameter::name).thenComparing(Parameter::value);

    /** One parameter, name and value each in canonical encoding; a name without '=' has an empty value. */
    record Parameter(String name, String value) {
    }

    /**
     * @param rawQuery    what follows the first '?' of the request target, as received
     * @param plusIsSpace whether '+' means a space (HTML form encoding) rather than itself
     */
    static CanonicalQuery parse(String rawQuery, boolean plusIsSpace) throws RequestRejected {
        List<Parameter> parameters = new ArrayList<>();
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            if (end > start) {
                String part = rawQuery.substring(start, end);
                int equals = part.indexOf('=');
                String name = canonical(equals < 0 ? part : part.substring(0, equals), part, plusIsSpace);
                // The AWS SDKs leave out parameters with an empty name when signing, though they send them.
                if (!name.isEmpty()) {
                    String value = equals < 0 ? "" : canonical(part.substring(equals + 1), part, plusIsSpace);
                    parameters.add(new Parameter(name, value));
                }
            }
            start = end + 1;
        }
        parameters.sort(ORDER);
        return new CanonicalQuery(List.copyOf(parameters));
    }

    String text() {
        StringBuilder out = new StringBuilder();
        for (Parameter parameter : parameters) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(parameter.name()).append('=').append(parameter.value());
        }
        return out.toString();
    }

    /** The first parameter that belongs to query-string authentication, which is not supported. */
    Optional<String> presigningParameter() {
        for (Parameter parameter : parameters) {
            for (String presigning : PRESIGNING) {
                if (parameter.name().equalsIgnoreCase(presigning)) {
                    return Optional.of(presigning);
                }
            }
        }
        return Optional.empty();
    }

    private static String canonical(String encoded, String part, boolean plusIsSpace) throws RequestRejected {
        Optional<byte[]> bytes = PercentEncoding.decode(encoded, plusIsSpace);
        if (bytes.isEmpty()) {
            throw new RequestRejected("query parameter " + LogText.quote(part) + " has a malformed percent-escape");
        }
        return PercentEncoding.encode(bytes.get(), false);
    }
}
