package dev.nereid.server.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SystemCommandTest {
    @Test
    void jsonAndFormBodiesGiveTheSameCommand() {
        SystemCommand expected = new SystemCommand("performDatabaseReset", "t-1");
        assertThat(SystemCommand.parse("{\"action\":\"performDatabaseReset\",\"token\":\"t-1\"}")).isEqualTo(expected);
        assertThat(SystemCommand.parse("  {\"token\":\"t-1\", \"action\" : \"performDatabaseReset\"}\n"))
                .isEqualTo(expected);
        assertThat(SystemCommand.parse("action=performDatabaseReset&token=t-1")).isEqualTo(expected);
        assertThat(SystemCommand.parse("token=t-1&action=performDatabaseReset&other=1")).isEqualTo(expected);
    }

    @Test
    void tokenIsOptionalInTheBody() {
        assertThat(SystemCommand.parse("{\"action\":\"initiateDatabaseReset\"}"))
                .isEqualTo(new SystemCommand("initiateDatabaseReset", null));
    }

    @Test
    void nonStringValuesAreKeptAsTheirText() {
        assertThat(SystemCommand.parse("{\"action\":42}").action()).isEqualTo("42");
        assertThat(SystemCommand.parse("{\"action\":[1,2]}").action()).isEqualTo("[...]");
        assertThat(SystemCommand.parse("{\"action\":{\"a\":1}}").action()).isEqualTo("{...}");
    }

    @ParameterizedTest(name = "[{index}] <{0}>")
    @CsvSource(delimiter = '|', value = {
        "'' | MISSING_PARAMETER | Missing required parameters: [action]",
        "{} | MISSING_PARAMETER | Missing required parameters: [action]",
        "token=x | MISSING_PARAMETER | Missing required parameters: [action]",
        "action=a&action=b | INVALID_PARAMETER | Too many values supplied for: action",
        "action=a&token=1&token=2 | INVALID_PARAMETER | Too many values supplied for: token",
        "{\"action\":\"a\",\"action\":\"b\"} | INVALID_PARAMETER | Duplicate field 'action'",
        "{\"action\":\"a\" | BAD_REQUEST | Malformed JSON body for /system",
        "{\"action\":\"a\"} trailing | BAD_REQUEST | Malformed JSON body for /system",
        "{\"action\":\"a\"}{} | BAD_REQUEST | Malformed JSON body for /system",
        "action=snapsh%ot | BAD_REQUEST | Malformed form body for /system: '%' at character 14 is not followed by two hex digits",
        "action=performDatabaseReset&token=%zz | BAD_REQUEST | Malformed form body for /system: '%' at character 35 is not followed by two hex digits",
    })
    void badBodies(String body, ErrorCode code, String message) {
        assertThatThrownBy(() -> SystemCommand.parse(body)).isInstanceOfSatisfying(NereidException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.detailedMessage()).isEqualTo(message);
        });
    }
}
