package dev.nereid.server.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpRangeTest {
    @ParameterizedTest
    @CsvSource({"10.1.2.3, 10.1.2.3/32", "10.1.2.3/8, 10.1.2.3/8", "0.0.0.0/0, 0.0.0.0/0", "::1, ::1/128",
        "2001:db8::/32, 2001:db8::/32", "::ffff:10.0.0.1, 10.0.0.1/32", "::ffff:10.0.0.0/104, 10.0.0.0/8",
        "::ffff:0:0/95, ::ffff:0:0/95"})
    void readsAddressesAndCidrRanges(String text, String expected) {
        assertThat(IpRange.parse(text).map(IpRange::toString)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "example.com", "10.0.0", "10.0.0.256", "10.0.0.0/33", "::/129",
        "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/+8", "10.0.0.0/0008", "10.0.0.0/8/8", "/8", "1.2.3.4 "})
    void refusesAnythingElseAndLooksNothingUp(String text) {
        assertThat(IpRange.parse(text)).isEqualTo(Optional.empty());
    }

    @Test
    void aRangeContainsWhatItsPrefixCovers() {
        IpRange net = IpRange.parse("192.168.0.0/23").orElseThrow();
        assertThat(net.contains(IpRange.parse("192.168.1.255").orElseThrow())).isTrue();
        assertThat(net.contains(IpRange.parse("192.168.2.0").orElseThrow())).isFalse();
        assertThat(net.contains(IpRange.parse("192.168.0.0/24").orElseThrow())).isTrue();
        assertThat(net.contains(IpRange.parse("192.168.0.0/22").orElseThrow())).as("a wider range").isFalse();
        assertThat(IpRange.parse("10.99.0.0/8").orElseThrow().contains(IpRange.parse("10.1.1.1").orElseThrow()))
                .as("bits past the prefix are ignored").isTrue();
        assertThat(IpRange.parse("::/0").orElseThrow().contains(IpRange.parse("10.1.1.1").orElseThrow()))
                .as("another family").isFalse();
    }
}
