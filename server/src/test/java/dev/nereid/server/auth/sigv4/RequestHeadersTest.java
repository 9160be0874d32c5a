package dev.nereid.server.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestHeadersTest {

    @Test
    void aSingleValueLosesOnlyTheSpacesAndTabsAroundIt() throws RequestRejected {
        RequestHeaders headers = RequestHeaders.of(Map.of("X-Amz-Date", List.of(" \t20150830T123600Z\t "),
                "Authorization", List.of("\u0000AWS4-HMAC-SHA256\n")));

        assertThat(headers.single("x-amz-date")).contains("20150830T123600Z");
        assertThat(headers.single("authorization")).contains("\u0000AWS4-HMAC-SHA256\n");
        assertThat(headers.single("date")).isEmpty();
    }

    @Test
    void nullNamesAndValuesAreAbsent() throws RequestRejected {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put(null, List.of("x"));
        headers.put("A", null);
        headers.put("B", new ArrayList<>(Arrays.asList(null, "b")));
        headers.put("C", Arrays.asList((String) null));
        RequestHeaders request = RequestHeaders.of(headers);

        assertThat(request.has("a")).isFalse();
        assertThat(request.has("c")).isFalse();
        assertThat(request.all("b")).containsExactly("b");
    }

    @Test
    void spellingsOfOneNameAreOneHeader() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("My-Header", List.of("a", "b"));
        headers.put("my-header", List.of("c"));

        assertThat(RequestHeaders.of(headers).all("my-header")).containsExactly("a", "b", "c");
    }
}
