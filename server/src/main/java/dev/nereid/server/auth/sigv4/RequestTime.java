package dev.nereid.server.auth.sigv4;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * When the client says it signed the request: {@code x-amz-date} if present, else {@code Date}.
 *
 * @param instant the time, to the second
 * @param header  the header it came from, lower case; it must be among the signed headers
 */
record RequestTime(Instant instant, String header) {
    static final String AMZ_DATE = "x-amz-date";
    static final String DATE = "date";
    /** ISO 8601 basic format, the form SigV4 signs. */
    private static final DateTimeFormatter BASIC =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withResolverStyle(ResolverStyle.STRICT);

    static RequestTime of(RequestHeaders headers) throws RequestRejected {
        Optional<String> amzDate = headers.single(AMZ_DATE);
        if (amzDate.isPresent()) {
            return new RequestTime(parseBasic(amzDate.get()), AMZ_DATE);
        }
        Optional<String> date = headers.single(DATE);
        if (date.isPresent()) {
            return new RequestTime(parseRfc1123(date.get()), DATE);
        }
        throw new RequestRejected("no x-amz-date or Date header, so the request time is unknown");
    }

    /** The time as SigV4's string to sign has it, e.g. {@code 20150830T123600Z}. */
    String basic() {
        return BASIC.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** The day, as a credential scope names it, e.g. {@code 20150830}. */
    String day() {
        return basic().substring(0, 8);
    }

    private static Instant parseBasic(String value) throws RequestRejected {
        try {
            return LocalDateTime.parse(value, BASIC).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new RequestRejected("x-amz-date " + LogText.quote(value) + " is not yyyyMMdd'T'HHmmss'Z'");
        }
    }

    /**
     * The weekday name is dropped before parsing: it adds nothing to the date, and signers get it wrong (AWS's
     * own 2011 test suite dates its requests "Mon, 09 Sep 2011", a Friday), which java.time would reject.
     */
    private static Instant parseRfc1123(String value) throws RequestRejected {
        int comma = value.indexOf(',');
        String withoutWeekday = comma < 0 ? value : value.substring(comma + 1).stripLeading();
        try {
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(withoutWeekday, Instant::from);
        } catch (DateTimeException e) {
            throw new RequestRejected("Date " + LogText.quote(value) + " is not an RFC 1123 date");
        }
    }
}
