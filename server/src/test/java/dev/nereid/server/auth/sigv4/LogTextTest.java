package dev.nereid.server.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void escapesWhatCouldForgeALogLine() {
        assertThat(LogText.quote("a\nb\r\tc'd\\e\u0000\u007f")).isEqualTo("'a\\nb\\r\\tc\\'d\\\\e\\u0000\\u007f'");
        assertThat(LogText.quote("\u00e9\ud83d\ude00")).isEqualTo("'\u00e9\ud83d\ude00'");
        assertThat(LogText.quote("x\ud83dy\ude00")).isEqualTo("'x\\ud83dy\\ude00'");
    }

    @Test
    void cutsLongText() {
        assertThat(LogText.quote("abcdef", 3)).isEqualTo("'abc'...(3 more chars)");
        assertThat(LogText.quote("a\ud83d\ude00", 2)).isEqualTo("'a\\ud83d'...(1 more chars)");
    }
}
