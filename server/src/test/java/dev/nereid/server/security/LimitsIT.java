package dev.nereid.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nereid.server.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --max-body-bytes}, {@code --max-concurrent-requests} and {@code --request-read-timeout-ms}, answered as
 * Neptune answers them.
 */
class LimitsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aBodyOverTheLimitIsRefusedWithNeptunesMessageAndChangesNothing() throws Exception {
        try (TestServer server = TestServer.start(dir, c -> c.withSecurity(c.security().withMaxBodyBytes(1000)))) {
            long before = server.lastPgCommit();
            String padding = " ".repeat(1000);
            HttpResponse<String> refused = server.send(HttpRequest.newBuilder(server.uri("/gremlin"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"gremlin\":\"g.addV('big')\"}" + padding)).build());
            assertThat(refused.statusCode()).isEqualTo(400);
            JsonNode body = JSON.readTree(refused.body());
            assertThat(body.get("code").asText()).isEqualTo("BadRequestException");
            assertThat(body.get("detailedMessage").asText())
                    .isEqualTo("Request size exceeds max allowed value of 1000 bytes.");
            assertThat(server.lastPgCommit()).isEqualTo(before);

            HttpResponse<String> fits = server.send(HttpRequest.newBuilder(server.uri("/gremlin"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"gremlin\":\"g.addV('small')\"}" + " ".repeat(900)))
                    .build());
            assertThat(fits.statusCode()).as(fits.body()).isEqualTo(200);
        }
    }

    /**
     * Two requests whose bodies are still arriving hold both places; a third is refused at once with 429 and
     * its connection closed; the two then finish normally, and the places are free again.
     */
    @Test
    void requestsBeyondTheConcurrencyLimitGet429UntilPlacesFreeUp() throws Exception {
        try (TestServer server = TestServer.start(dir, c -> c.withSecurity(c.security().withMaxConcurrentRequests(2)))) {
            int port = server.server.port();
            String body = "{\"gremlin\":\"g.inject(1)\"}";
            try (Socket first = new Socket("127.0.0.1", port); Socket second = new Socket("127.0.0.1", port)) {
                // The 100 Continue says the server has read the head, so the request holds its place: a probe sent
                // before that could take the place first and leave a held request to be refused instead.
                for (Socket s : new Socket[] {first, second}) {
                    write(s, head(body.length()).replace("\r\n\r\n", "\r\nExpect: 100-continue\r\n\r\n"));
                    assertThat(interimResponse(s)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
                    write(s, body.substring(0, 5));
                }
                HttpResponse<String> refused = server.get("/status");
                assertThat(refused.statusCode()).isEqualTo(429);
                JsonNode error = JSON.readTree(refused.body());
                assertThat(error.get("code").asText()).isEqualTo("TooManyRequestsException");
                assertThat(error.get("detailedMessage").asText())
                        .isEqualTo("The number of requests being processed exceeds the limit.");
                assertThat(error.get("requestId").asText()).isNotBlank();

                for (Socket s : new Socket[] {first, second}) {
                    write(s, body.substring(5));
                    assertThat(statusLine(s)).isEqualTo("HTTP/1.1 200 OK");
                }
            }
            for (int i = 0; i < 5; i++) {
                assertThat(server.get("/status").statusCode()).isEqualTo(200);
            }
        }
    }

    /**
     * Two clients that send a request's headers and then stall its body would hold both places for good; each
     * gets 408 once its body has paused for the read timeout, and the places free up. Headers that stall end their
     * connection without an answer. A body that keeps coming, however slowly, is read to its end.
     */
    @Test
    void stalledRequestsTimeOutAndGiveTheirPlacesBack() throws Exception {
        try (TestServer server = TestServer.start(dir, c -> c.withSecurity(c.security().withMaxConcurrentRequests(2)
                .withRequestReadTimeout(Duration.ofSeconds(1))))) {
            int port = server.server.port();
            String body = "{\"gremlin\":\"g.addV('slow')\"}";
            try (Socket first = new Socket("127.0.0.1", port); Socket second = new Socket("127.0.0.1", port);
                 Socket headersOnly = new Socket("127.0.0.1", port)) {
                long start = System.nanoTime();
                for (Socket s : new Socket[] {first, second}) {
                    write(s, head(body.length()) + body.substring(0, 5));
                }
                write(headersOnly, "POST /gremlin HTTP/1.1\r\nHost: local");
                for (Socket s : new Socket[] {first, second}) {
                    String answer = readAll(s);
                    assertThat(answer).startsWith("HTTP/1.1 408 Request Timeout\r\n").contains("connection: close\r\n");
                    JsonNode error = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
                    assertThat(error.get("code").asText()).isEqualTo("ClientTimeoutException");
                    assertThat(error.get("detailedMessage").asText())
                            .isEqualTo("The request body did not arrive in time: no bytes for 1000 ms");
                }
                assertThat(readAll(headersOnly)).isEmpty();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(1),
                        Duration.ofSeconds(8));
            }
            assertThat(server.lastPgCommit()).isZero();

            try (Socket slow = new Socket("127.0.0.1", port)) {
                write(slow, head(body.length()));
                for (char c : body.toCharArray()) {
                    Thread.sleep(40); // 26 bytes over about a second, never a second apart
                    write(slow, String.valueOf(c));
                }
                assertThat(statusLine(slow)).isEqualTo("HTTP/1.1 200 OK");
            }
            assertThat(server.lastPgCommit()).isEqualTo(1);
            for (int i = 0; i < 3; i++) {
                assertThat(server.get("/status").statusCode()).isEqualTo(200);
            }
        }
    }

    private static String readAll(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The interim response, read a byte at a time up to its blank line, so nothing after it is taken. */
    private static String interimResponse(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        StringBuilder text = new StringBuilder();
        while (!text.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            text.append((char) b);
        }
        return text.toString();
    }

    private static String head(int contentLength) {
        return "POST /gremlin HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + contentLength + "\r\n\r\n";
    }

    private static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String statusLine(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }
}
