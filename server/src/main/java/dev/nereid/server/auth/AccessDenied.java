package dev.nereid.server.auth;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;

/**
 * The one refusal of authentication and authorization. Neptune tells a client no more than this, whatever
 * failed (signature, key, date, policy), so that a prober learns nothing; the server's log says what.
 */
public final class AccessDenied {
    public static final String MESSAGE = "Authentication or authorization failure.";

    private AccessDenied() {
    }

    public static NereidException exception() {
        return new NereidException(ErrorCode.ACCESS_DENIED, MESSAGE);
    }
}
