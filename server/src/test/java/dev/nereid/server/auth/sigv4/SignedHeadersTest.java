package dev.nereid.server.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignedHeadersTest {

    @Test
    void canonicalHeadersInTheListedOrderTrimmedCollapsedAndJoined() throws RequestRejected {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("db.nereid.test:8182"));
        headers.put("My-Header", List.of("  a \t b\r\n  c  ", "second"));
        headers.put("my-header", List.of("third,  fourth"));
        headers.put("Empty", List.of(""));
        headers.put("Blank", List.of(" \t "));
        headers.put("Unsigned", List.of("x"));

        assertThat(SignedHeaders.parse("my-header;host;empty;blank").canonicalHeaders(RequestHeaders.of(headers)))
                .isEqualTo("my-header:a b c,second,third, fourth\nhost:db.nereid.test:8182\nempty:\nblank:\n");
    }
}
