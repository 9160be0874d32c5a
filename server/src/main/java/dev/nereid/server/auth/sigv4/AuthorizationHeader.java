package dev.nereid.server.auth.sigv4;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of an {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...}
 * header. Components may be separated by commas, spaces and tabs in any mix, as AWS accepts them.
 *
 * @param signature 64 lower-case hex digits
 */
record AuthorizationHeader(String accessKeyId, CredentialScope scope, SignedHeaders signedHeaders,
                           String signature) {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final String SIGV4A_ALGORITHM = "AWS4-ECDSA-P256-SHA256";
    private static final List<String> COMPONENTS = List.of("Credential", "SignedHeaders", "Signature");

    /** @param value the header's value, without surrounding whitespace */
    static AuthorizationHeader parse(String value) throws RequestRejected {
        int space = indexOfWhitespace(value);
        String algorithm = space < 0 ? value : value.substring(0, space);
        if (algorithm.equals(SIGV4A_ALGORITHM)) {
            throw new RequestRejected("SigV4a (" + SIGV4A_ALGORITHM + ") is not supported; sign with " + ALGORITHM);
        }
        if (!algorithm.equals(ALGORITHM)) {
            throw new RequestRejected("Authorization scheme " + LogText.quote(algorithm) + " is not supported; sign with "
                    + ALGORITHM);
        }
        Map<String, String> components = components(space < 0 ? "" : value.substring(space));
        String credential = components.get("Credential");
        String[] parts = credential.split("/", -1);
        if (parts.length != 5 || List.of(parts).contains("")) {
            throw new RequestRejected("Credential " + LogText.quote(credential)
                    + " is not accessKeyId/yyyymmdd/region/service/aws4_request");
        }
        if (!parts[4].equals(CredentialScope.TERMINATOR)) {
            throw new RequestRejected("Credential " + LogText.quote(credential) + " ends in " + LogText.quote(parts[4])
                    + ", not " + CredentialScope.TERMINATOR);
        }
        if (parts[1].length() != 8 || !parts[1].chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new RequestRejected("Credential " + LogText.quote(credential) + " has scope date "
                    + LogText.quote(parts[1]) + ", which is not yyyymmdd");
        }
        SignedHeaders signedHeaders = SignedHeaders.parse(components.get("SignedHeaders"));
        String signature = components.get("Signature").toLowerCase(Locale.ROOT);
        if (signature.length() != 64 || !isHex(signature)) {
            throw new RequestRejected("Signature " + LogText.quote(components.get("Signature"))
                    + " is not 64 hex digits");
        }
        return new AuthorizationHeader(parts[0], new CredentialScope(parts[1], parts[2], parts[3]), signedHeaders,
                signature);
    }

    private static Map<String, String> components(String text) throws RequestRejected {
        Map<String, String> found = new HashMap<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && isSeparator(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !isSeparator(text.charAt(i))) {
                i++;
            }
            if (start == i) {
                break;
            }
            String component = text.substring(start, i);
            int equals = component.indexOf('=');
            String name = equals < 0 ? component : component.substring(0, equals);
            if (equals < 0 || !COMPONENTS.contains(name)) {
                throw new RequestRejected("Authorization header component " + LogText.quote(component)
                        + " is not Credential=, SignedHeaders= or Signature=");
            }
            if (found.put(name, component.substring(equals + 1)) != null) {
                throw new RequestRejected("Authorization header has " + name + " twice");
            }
        }
        for (String name : COMPONENTS) {
            if (!found.containsKey(name)) {
                throw new RequestRejected("Authorization header has no " + name);
            }
        }
        return found;
    }

    private static boolean isSeparator(char c) {
        return c == ',' || RequestHeaders.isOptionalWhitespace(c);
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (RequestHeaders.isOptionalWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
