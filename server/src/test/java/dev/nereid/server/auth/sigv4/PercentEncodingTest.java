package dev.nereid.server.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PercentEncodingTest {

    @Test
    void keepsOnlyUnreservedCharactersAndOptionallySlashes() {
        byte[] text = "Az09-_.~ /%+".getBytes(StandardCharsets.UTF_8);

        assertThat(PercentEncoding.encode(text, false)).isEqualTo("Az09-_.~%20%2F%25%2B");
        assertThat(PercentEncoding.encode(text, true)).isEqualTo("Az09-_.~%20/%25%2B");
        assertThat(PercentEncoding.encode(new byte[] {(byte) 0xff, 0, 0x7f}, false)).isEqualTo("%FF%00%7F");
    }

    @Test
    void decodesEscapesInEitherCaseAndCharactersAsUtf8() {
        assertThat(PercentEncoding.decode("%41%6a+%e2%82%AC\u00e9", false))
                .hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(
                        'A', 'j', '+', 0xe2, 0x82, 0xac, 0xc3, 0xa9));
        assertThat(PercentEncoding.decode("a+b", true))
                .hasValueSatisfying(bytes -> assertThat(bytes).containsExactly('a', ' ', 'b'));
    }

    @Test
    void aPercentWithoutTwoHexDigitsDoesNotDecode() {
        assertThat(PercentEncoding.decode("%", false)).isEmpty();
        assertThat(PercentEncoding.decode("%4", false)).isEmpty();
        assertThat(PercentEncoding.decode("%4g", false)).isEmpty();
        assertThat(PercentEncoding.decode("%\u00e9A", false)).isEmpty();
    }
}
