package dev.nereid.server.auth.policy;

/** A statement's {@code Effect}. */
public enum Effect {
    ALLOW,
    DENY
}
