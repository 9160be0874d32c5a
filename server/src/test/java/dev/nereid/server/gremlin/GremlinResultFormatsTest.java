package dev.nereid.server.gremlin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GremlinResultFormatsTest {
    final GremlinResultFormats formats = new GremlinResultFormats();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "application/vnd.gremlin-v3.0+json;types=false | application/vnd.gremlin-v3.0+json;types=false",
        "Application/Vnd.Gremlin-V3.0+JSON; types=false | application/vnd.gremlin-v3.0+json;types=false",
        "application/vnd.gremlin-v3.0+json | application/vnd.gremlin-v3.0+json",
        "application/vnd.gremlin-v2.0+json;q=0.9 | application/vnd.gremlin-v2.0+json",
        "text/plain, application/vnd.gremlin-v3.0+json;types=false | application/vnd.gremlin-v3.0+json;types=false",
        "application/json | application/json",
        "*/* | application/json",
        "text/html, application/*;q=0.8 | application/json",
    })
    void picksTheFirstMediaRangeItCanAnswer(String accept, String chosen) {
        assertThat(formats.forAccept(accept).mediaType()).isEqualTo(chosen);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void noAcceptMeansGraphSon3(String accept) {
        assertThat(formats.forAccept(accept).mediaType()).isEqualTo("application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/vnd.graphbinary-v1.0", "application/vnd.gremlin-v1.0+json"})
    void refusesWhatItCannotAnswer(String accept) {
        assertThatThrownBy(() -> formats.forAccept(accept)).isInstanceOfSatisfying(NereidException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_REQUEST);
            assertThat(e.detailedMessage()).isEqualTo("Unsupported Accept header: " + accept);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "application/json | {\"@type\":\"g:List\",\"@value\":[{\"@type\":\"g:Int64\",\"@value\":1},\"x\"]}",
        "application/vnd.gremlin-v3.0+json;types=false | [1,\"x\"]",
        "application/vnd.gremlin-v2.0+json | [{\"@type\":\"g:Int64\",\"@value\":1},\"x\"]",
    })
    void rendersGremlinServersResponse(String accept, String data) {
        String requestId = UUID.randomUUID().toString();
        String typedMap = accept.contains("types=false") ? "{}" : "{\"@type\":\"g:Map\",\"@value\":[]}";
        if (accept.contains("v2.0")) {
            typedMap = "{}";
        }
        assertThat(formats.forAccept(accept).render(requestId, List.of(1L, "x"))).isEqualTo("{\"requestId\":\""
                + requestId + "\",\"status\":{\"message\":\"\",\"code\":200,\"attributes\":" + typedMap + "},"
                + "\"result\":{\"data\":" + data + ",\"meta\":" + typedMap + "}}");
    }
}
