package dev.nereid.server.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestTimeTest {

    static RequestTime of(Map<String, List<String>> headers) throws RequestRejected {
        return RequestTime.of(RequestHeaders.of(headers));
    }

    @Test
    void xAmzDateComesFirst() throws RequestRejected {
        RequestTime time = of(Map.of("X-Amz-Date", List.of("20150830T123600Z"),
                "Date", List.of("Mon, 09 Sep 2011 23:36:00 GMT")));

        assertThat(time).isEqualTo(new RequestTime(Instant.parse("2015-08-30T12:36:00Z"), "x-amz-date"));
        assertThat(time.basic()).isEqualTo("20150830T123600Z");
        assertThat(time.day()).isEqualTo("20150830");
    }

    @Test
    void dateIsReadAsRfc1123WhateverItsWeekday() throws RequestRejected {
        assertThat(of(Map.of("date", List.of("Fri, 09 Sep 2011 23:36:00 GMT"))))
                .isEqualTo(new RequestTime(Instant.parse("2011-09-09T23:36:00Z"), "date"));
        assertThat(of(Map.of("date", List.of("Mon, 09 Sep 2011 23:36:00 GMT"))))
                .isEqualTo(new RequestTime(Instant.parse("2011-09-09T23:36:00Z"), "date"));
        assertThat(of(Map.of("date", List.of("9 Sep 2011 23:36:00 GMT"))))
                .isEqualTo(new RequestTime(Instant.parse("2011-09-09T23:36:00Z"), "date"));
    }

    @Test
    void unreadableMissingOrRepeatedTimesAreRejected() {
        assertRejected(Map.of(), "no x-amz-date or Date header, so the request time is unknown");
        assertRejected(Map.of("x-amz-date", List.of("20150830T123600")),
                "x-amz-date '20150830T123600' is not yyyyMMdd'T'HHmmss'Z'");
        assertRejected(Map.of("x-amz-date", List.of("20150230T123600Z")),
                "x-amz-date '20150230T123600Z' is not yyyyMMdd'T'HHmmss'Z'");
        assertRejected(Map.of("x-amz-date", List.of("20150830T123600Z", "20150830T123601Z")),
                "2 x-amz-date headers; expected at most one");
        assertRejected(Map.of("Date", List.of("2011-09-09T23:36:00Z")),
                "Date '2011-09-09T23:36:00Z' is not an RFC 1123 date");
    }

    private static void assertRejected(Map<String, List<String>> headers, String reason) {
        assertThatThrownBy(() -> of(headers)).isInstanceOf(RequestRejected.class).hasMessage(reason);
    }
}
