package dev.nereid.server.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionDateTest {
    @ParameterizedTest
    @CsvSource({"2026, 2026-01-01T00:00:00Z", "2026-11, 2026-11-01T00:00:00Z", "2026-11-22, 2026-11-22T00:00:00Z",
        "2026-11-22T10:00Z, 2026-11-22T10:00:00Z", "2026-11-22T10:00:30.5+01:00, 2026-11-22T09:00:30.500Z",
        "1767225600, 2026-01-01T00:00:00Z", "0, 1970-01-01T00:00:00Z",
        "20261122, 1970-08-23T12:05:22Z"})
    void readsTheW3cProfileOfIso8601AndEpochSeconds(String text, String expected) {
        assertThat(ConditionDate.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-11-22T10:00:00", "2026-11-22 10:00Z", "2026-13", "2026-02-30",
        "1767225600000", "-5", "2026-11-22T25:00Z"})
    void refusesEverythingElse(String text) {
        assertThat(ConditionDate.parse(text)).isEmpty();
    }
}
