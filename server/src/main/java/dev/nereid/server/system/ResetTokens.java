package dev.nereid.server.system;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * The fast-reset token of spec §7: valid 60 minutes, only the newest works, lost on restart (it is
 * never written down), used once.
 */
final class ResetTokens {
    static final Duration VALIDITY = Duration.ofMinutes(60);

    private final Clock clock;
    private String token;
    private long issuedAtMillis;

    ResetTokens(Clock clock) {
        this.clock = clock;
    }

    synchronized String issue() {
        token = UUID.randomUUID().toString();
        issuedAtMillis = clock.millis();
        return token;
    }

    /** True, and the token spent, if {@code candidate} is the newest unexpired token. */
    synchronized boolean redeem(String candidate) {
        boolean valid = token != null && token.equals(candidate)
                && clock.millis() - issuedAtMillis <= VALIDITY.toMillis();
        if (valid) {
            token = null;
        }
        return valid;
    }
}
