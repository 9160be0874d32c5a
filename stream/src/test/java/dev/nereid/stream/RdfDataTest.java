package dev.nereid.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RdfDataTest {

    private static String json(String stmt) {
        return new String(new RdfData(stmt).toJson(), StandardCharsets.UTF_8);
    }

    @Test
    void rendersTheExampleStatements() {
        assertThat(json("<http://example.org/s> <http://example.org/label> \"chat\"@fr .\n"))
                .isEqualTo("{\"stmt\":\"<http://example.org/s> <http://example.org/label> \\\"chat\\\"@fr .\\n\"}");
        assertThat(json("_:b3 <http://example.org/city> \"Paris\" .\n"))
                .isEqualTo("{\"stmt\":\"_:b3 <http://example.org/city> \\\"Paris\\\" .\\n\"}");
    }

    @Test
    void escapesNQuadsEscapesAgainForJson() {
        // The N-Quads line holds ECHARs as text: backslash-quote, backslash-n, and a UCHAR.
        String stmt = "<s> <p> \"say \\\"hi\\\"\\n\\u0001 \\\\ é\" .\n";
        assertThat(json(stmt))
                .isEqualTo("{\"stmt\":\"<s> <p> \\\"say \\\\\\\"hi\\\\\\\"\\\\n\\\\u0001 \\\\\\\\ é\\\" .\\n\"}");
    }

    @Test
    void keepsNonAsciiRaw() {
        byte[] bytes = new RdfData("<s> <p> \"日本\" .\n").toJson();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"stmt\":\"<s> <p> \\\"日本\\\" .\\n\"}");
        assertThat(bytes).hasSize("{\"stmt\":\"<s> <p> \\\"\\\" .\\n\"}".length() + 6);
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        String stmt = "<s> <p> \"a\\tb\" <g> .\n";
        byte[] bytes = new RdfData(stmt).toJson();
        assertThat(RdfData.fromJson(bytes).stmt()).isEqualTo(stmt);
        assertThat(new ObjectMapper().readTree(bytes).get("stmt").asText()).isEqualTo(stmt);
    }

    @Test
    void requiresOneCompleteLine() {
        for (String bad : new String[] {"<s> <p> <o> .", "<s> <p> <o>\n", "<s> <p>\n <o> .\n", "<s> <p> <o> .\n\n", ""}) {
            assertThatThrownBy(() -> new RdfData(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new RdfData(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void fromJsonIsStrict() {
        for (String bad : new String[] {"{}", "{\"stmt\":1}", "{\"stmt\":\"<s> <p> <o> .\\n\",\"x\":1}",
                "{\"s\":\"<s> <p> <o> .\\n\"}", "{\"stmt\":\"<s> <p> <o> .\\n\"} x"}) {
            assertThatThrownBy(() -> RdfData.fromJson(bad.getBytes(StandardCharsets.UTF_8)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
