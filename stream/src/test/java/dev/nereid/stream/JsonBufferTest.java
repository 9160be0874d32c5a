package dev.nereid.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBufferTest {

    private static String text(JsonBuffer b) {
        return new String(b.array(), 0, b.size(), StandardCharsets.UTF_8);
    }

    @Test
    void writesLongsAsTheirDecimalDigits() {
        long[] values = {0, 1, 9, 10, 99, 100, 999_999_999_999L, 1_000_000_000_000L, Integer.MAX_VALUE,
                Long.MAX_VALUE, Long.MAX_VALUE / 10, -1, -10, Long.MIN_VALUE, Long.MIN_VALUE + 1};
        for (long v : values) {
            JsonBuffer b = new JsonBuffer(1);
            b.putLong(v);
            assertThat(text(b)).isEqualTo(Long.toString(v));
            assertThat(JsonBuffer.digits(v)).isEqualTo(Long.toString(v).length());
        }
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10; p *= 10) {
            for (long v : new long[] {p - 1, p, p + 1, p * 10 - 1}) {
                assertThat(JsonBuffer.digits(v)).as("%d", v).isEqualTo(Long.toString(v).length());
            }
        }
    }

    @Test
    void growsAcrossEscapesAndMultiByteChars() {
        String s = "\u0001é€😀\"".repeat(50);
        JsonBuffer b = new JsonBuffer(1);
        b.putString(s);
        String expected = "\"" + "\\u0001é€😀\\\"".repeat(50) + "\"";
        assertThat(text(b)).isEqualTo(expected);
        assertThat(b.size()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void copiesFromABufferPositionWithoutMovingIt() {
        ByteBuffer src = ByteBuffer.wrap("xxabcxx".getBytes(StandardCharsets.US_ASCII), 2, 3);
        JsonBuffer b = new JsonBuffer(1);
        b.put(src, 2, 3);
        assertThat(text(b)).isEqualTo("abc");
        assertThat(src.position()).isEqualTo(2);
    }
}
