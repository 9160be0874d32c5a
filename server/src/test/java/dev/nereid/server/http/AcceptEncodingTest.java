package dev.nereid.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptEncodingTest {
    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
        "gzip | true",
        "GZip | true",
        "gzip, deflate, br | true",
        "br;q=1.0, gzip;q=0.8 | true",
        "gzip ; q=0.001 | true",
        "gzip;Q=1 | true",
        "gzip;level=9 | true",
        "gzip;q=0 | false",
        "gzip;q=0.000 | false",
        "gzip;q=abc | false",
        "deflate | false",
        "x-gzip | false",
        "gzipped | false",
        "identity | false",
        "'' | false",
        "* | false",
    })
    void gzipOnlyWhenListedWithNonZeroQuality(String header, boolean expected) {
        assertThat(AcceptEncoding.acceptsGzip(header)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void noHeaderMeansIdentity() {
        assertThat(AcceptEncoding.acceptsGzip(null)).isFalse();
    }
}
