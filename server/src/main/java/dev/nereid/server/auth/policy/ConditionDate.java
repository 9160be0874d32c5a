package dev.nereid.server.auth.policy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The date-times {@code Date*} conditions compare: IAM takes the W3C profile of ISO 8601 ({@code 2026},
 * {@code 2026-11}, {@code 2026-11-22}, {@code 2026-11-22T10:00Z}, {@code 2026-11-22T10:00:00.5+01:00}) or
 * UNIX epoch seconds. A date without a time is its first instant, in UTC.
 */
final class ConditionDate {
    static final String EXPECTED = "an ISO 8601 date or date-time with a zone (e.g. 2026-11-22T10:00:00Z) or UNIX"
            + " epoch seconds";

    private ConditionDate() {
    }

    static Optional<Instant> parse(String text) {
        try {
            if (!text.isEmpty() && text.length() <= 12 && text.chars().allMatch(c -> c >= '0' && c <= '9')
                    && text.length() != 4) {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(text)));
            }
            return Optional.of(switch (text.length()) {
                case 4 -> Year.parse(text).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                case 7 -> YearMonth.parse(text).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                case 10 -> LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                default -> OffsetDateTime.parse(text).toInstant();
            });
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
