package dev.nereid.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ResetTokensTest {
    private final StepClock clock = new StepClock();
    private final ResetTokens tokens = new ResetTokens(clock);

    @Test
    void onlyTheNewestTokenWorksAndOnlyOnce() {
        String first = tokens.issue();
        String second = tokens.issue();
        assertThat(second).isNotEqualTo(first);
        assertThat(tokens.redeem(first)).isFalse();
        assertThat(tokens.redeem(second)).isTrue();
        assertThat(tokens.redeem(second)).isFalse();
    }

    @Test
    void aTokenIsValidForSixtyMinutesExactly() {
        String token = tokens.issue();
        clock.millis += Duration.ofMinutes(60).toMillis();
        assertThat(tokens.redeem(token)).isTrue();
        String late = tokens.issue();
        clock.millis += Duration.ofMinutes(60).toMillis() + 1;
        assertThat(tokens.redeem(late)).isFalse();
    }

    @Test
    void nothingIssuedMatchesNothing() {
        assertThat(tokens.redeem("anything")).isFalse();
        assertThat(tokens.redeem(null)).isFalse();
    }

    private static final class StepClock extends Clock {
        long millis = 1_000_000L;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }
}
