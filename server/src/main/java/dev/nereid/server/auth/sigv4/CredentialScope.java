package dev.nereid.server.auth.sigv4;

/**
 * The {@code yyyymmdd/region/service/aws4_request} part of a SigV4 credential: what the signing key is bound
 * to.
 */
record CredentialScope(String day, String region, String service) {
    static final String TERMINATOR = "aws4_request";

    /** As it appears in the credential and the string to sign. */
    String text() {
        return day + "/" + region + "/" + service + "/" + TERMINATOR;
    }
}
