package dev.nereid.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BodyFieldsTest {

    @Test
    void aFormIsDecoded() {
        assertThat(BodyFields.form("query=RETURN+1%2B1&x=%C3%A9&x=", "/openCypher"))
                .isEqualTo(Map.of("query", List.of("RETURN 1+1"), "x", List.of("é", "")));
    }

    /** Every way Netty's decoder refuses a percent sign, told by position, never echoing the body. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "query=RETURN+1%2 | 15",
        "query=RETURN+1% | 15",
        "query=%zz | 7",
        "query=%2g | 7",
        "query=%u0041 | 7",
        "query=%%41 | 7",
        "query=%41%4 | 10",
        "%=1 | 1",
        // a digit of another script is no hex digit to the decoder
        "query=%\u0661\u0661 | 7",
    })
    void aBadPercentEncodingIsABadRequestSayingWhere(String body, int character) {
        assertThatThrownBy(() -> BodyFields.form(body, "/openCypher"))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(e.detailedMessage()).isEqualTo("Malformed form body for /openCypher: '%' at character "
                            + character + " is not followed by two hex digits");
                });
    }

    @Test
    void theCharacterCountsFromTheBodyAsSentWhenFieldsTrimIt() {
        assertThatThrownBy(() -> BodyFields.parse("\n  action=snapsh%ot", List.of("action"), "/system"))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(e.detailedMessage()).isEqualTo(
                            "Malformed form body for /system: '%' at character 17 is not followed by two hex digits");
                });
    }

    @Test
    void aPercentSignInAJsonBodyIsJustText() {
        assertThat(BodyFields.parse("{\"query\":\"RETURN '%2'\"}", List.of("query"), "/openCypher"))
                .isEqualTo(Map.of("query", new BodyFields.Field("RETURN '%2'", true)));
    }
}
