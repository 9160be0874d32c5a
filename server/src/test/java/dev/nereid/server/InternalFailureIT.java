package dev.nereid.server;

import static dev.nereid.server.StreamReadIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nereid.server.http.Responses;
import dev.nereid.server.http.Route;
import dev.nereid.server.http.StreamedResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a client sees when the server itself fails (spec §4): nothing of the failure's internals. */
class InternalFailureIT {

    @Test
    void anUnexpectedExceptionIsA500WithoutInternals(@TempDir Path dir) {
        Route failing = exchange -> {
            throw new IllegalStateException("secret at /var/lib/nereid/segment.log");
        };
        try (TestServer s = TestServer.start(dir, c -> c, Map.of("/test/fail", failing))) {
            HttpResponse<String> r = s.get("/test/fail");
            assertError(r, 500, "InternalFailureException", "Internal failure");
            assertThat(r.body()).doesNotContain("secret", "IllegalState", "/var/lib", "at dev.");
            assertThat(s.get("/status").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aBodyThatFailsAfterItsHeadCutsTheConnectionAndTheServerCarriesOn(@TempDir Path dir) {
        Route halfBody = exchange -> new StreamedResponse(HttpResponseStatus.OK, Responses.JSON_UTF8, 100,
                new StreamedResponse.Body() {
                    @Override
                    public void writeTo(StreamedResponse.ChunkSink sink) throws IOException {
                        sink.write("{\"partial\":".getBytes(StandardCharsets.UTF_8), 0, 11);
                        throw new IOException("the log went away");
                    }

                    @Override
                    public void close() {
                    }
                });
        try (TestServer s = TestServer.start(dir, c -> c, Map.of("/test/half", halfBody))) {
            // A client must never take a cut body for a whole one: it gets an error, not 11 bytes.
            assertThatThrownBy(() -> s.get("/test/half")).isInstanceOf(UncheckedIOException.class);
            assertThat(s.get("/status").statusCode()).isEqualTo(200);
        }
    }
}
