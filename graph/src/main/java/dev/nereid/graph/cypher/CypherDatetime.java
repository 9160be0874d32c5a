package dev.nereid.graph.cypher;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * openCypher's {@code datetime('…')}: the ISO-8601 forms Neptune accepts — a date, a date and time with
 * or without seconds and fraction, with {@code Z}, an offset, or none (then UTC) — as epoch milliseconds,
 * stored as a {@code Date} (spec §5.4).
 */
final class CypherDatetime {

    private CypherDatetime() {
    }

    static long parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException notWithOffset) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException notLocal) {
            // try the next form
        }
        try {
            return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException notADate) {
            throw new NereidException(ErrorCode.MALFORMED_QUERY, "Invalid datetime '" + text
                    + "': expected ISO-8601, such as 2026-01-01 or 2026-01-01T12:00:00Z");
        }
    }

    /** How a Date is shown in openCypher results: ISO-8601 in UTC with milliseconds. */
    static String format(long epochMillis) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(ZoneOffset.UTC).format(Instant.ofEpochMilli(epochMillis));
    }
}
