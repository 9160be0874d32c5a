package dev.nereid.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesByNearestRankInMilliseconds() {
        Latencies latencies = new Latencies();
        for (int ms = 100; ms >= 1; ms--) {
            latencies.add(ms * 1_000_000L);
        }
        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
        assertThat(latencies.percentileMillis(0)).isEqualTo(1.0);
    }

    @Test
    void mergesBeyondTheInitialCapacity() {
        Latencies a = new Latencies();
        Latencies b = new Latencies();
        for (int i = 0; i < 20_000; i++) {
            a.add(1);
            b.add(3);
        }
        b.add(2);
        a.addAll(b);
        assertThat(a.size()).isEqualTo(40_001);
        assertThat(a.percentileMillis(50)).isEqualTo(2e-6);
    }

    @Test
    void anEmptyRunHasNoPercentile() {
        assertThatThrownBy(() -> new Latencies().percentileMillis(50)).isInstanceOf(IllegalStateException.class);
    }
}
