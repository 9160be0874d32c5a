package dev.nereid.server.auth.policy;

/** What a principal's policies say about one request, as IAM evaluates identity-based policies. */
public enum Decision {
    /** An applying statement allows it and none denies it. */
    ALLOW,
    /** An applying statement denies it, whatever else allows it. */
    EXPLICIT_DENY,
    /** No applying statement allows it: IAM's default. */
    IMPLICIT_DENY
}
