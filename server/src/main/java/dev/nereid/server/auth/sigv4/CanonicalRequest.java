package dev.nereid.server.auth.sigv4;

/**
 * SigV4's canonical request: the request reduced to one string the signer and the verifier must build alike.
 *
 * @param canonicalHeaders each signed header's line, each ending in a newline
 */
record CanonicalRequest(String method, String uri, String query, String canonicalHeaders, String signedHeaders,
                        String payloadHash) {

    String text() {
        return method + '\n' + uri + '\n' + query + '\n' + canonicalHeaders + '\n' + signedHeaders + '\n'
                + payloadHash;
    }

    String stringToSign(RequestTime time, CredentialScope scope) {
        return AuthorizationHeader.ALGORITHM + '\n' + time.basic() + '\n' + scope.text() + '\n' + Sha256.hex(text());
    }

    /** The text for a log, the session token left out: it is a bearer credential for AWS services. */
    String textForLog() {
        String text = text();
        String tokenLine = '\n' + SignedHeaders.SECURITY_TOKEN + ':';
        int start = text.indexOf(tokenLine);
        if (start < 0) {
            return text;
        }
        int valueStart = start + tokenLine.length();
        return text.substring(0, valueStart) + "<redacted>" + text.substring(text.indexOf('\n', valueStart));
    }
}
