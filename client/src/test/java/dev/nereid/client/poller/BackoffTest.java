package dev.nereid.client.poller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheCapAndJittersWithinItsFraction() {
        Backoff b = Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(1));
        assertThat(b.nominal(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(b.nominal(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(b.nominal(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.nominal(500)).isEqualTo(Duration.ofSeconds(1));
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            assertThat(b.delay(3, random).toMillis()).isBetween(320L, 480L);
        }
    }

    @Test
    void positionsParseAsTheCommandLineWritesThem() {
        assertThat(Position.parse("TRIM_HORIZON")).isEqualTo(Position.trimHorizon());
        assertThat(Position.parse("LATEST")).isEqualTo(Position.latest());
        assertThat(Position.parse("42").toString()).isEqualTo("AT_SEQUENCE_NUMBER 42:1");
        assertThat(Position.parse("42:7").toString()).isEqualTo("AT_SEQUENCE_NUMBER 42:7");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Position.parse("latest"))
                .hasMessage("expected TRIM_HORIZON, LATEST, COMMITNUM or COMMITNUM:OPNUM, was 'latest'");
    }
}
