package dev.nereid.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and malformed requests: every one gets a 4xx in Neptune's format or a valid page, nothing
 * changes, nothing is logged at ERROR, and the server answers normally afterwards.
 */
class BadInputIT {
    static final String[] NAMES = {"limit", "iteratorType", "commitNum", "opNum", "LIMIT", "x", "", "X-Amz-Date",
        "commitnum", "opNum ", "%00", "iteratorType[]"};
    static final String[] VALUES = {"", "0", "1", "-1", "10", "100000", "100001", "9223372036854775807",
        "9223372036854775808", "LATEST", "TRIM_HORIZON", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER", "latest",
        "1e3", "0x10", "\u00e9\u00e8", "'\"", "%", "%zz", "+", "\u0000", " 1", "1 ", "\u0661"};
    static final String[] PATHS = {"/pg/stream", "/propertygraph/stream/", "/gremlin/stream", "/sparql/stream",
        "/status", "/system", "/", "/pg", "/pg/stream/x", "/%2e%2e/etc/passwd", "/pg/stream%00", "//pg/stream"};
    static final String[] METHODS = {"GET", "GET", "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};

    @Test
    void randomRequestsAreAnsweredAndChangeNothing(@TempDir Path dir) throws IOException {
        ErrorLog errors = ErrorLog.capture();
        try (TestServer s = TestServer.start(dir)) {
            SpecExamples.propertyGraph(s.pg(), s.clock);
            String before = s.get("/pg/stream?iteratorType=TRIM_HORIZON&limit=1000").body();
            Random random = new Random(20261122L);
            for (int i = 0; i < 1500; i++) {
                StringBuilder q = new StringBuilder();
                int params = random.nextInt(5);
                for (int k = 0; k < params; k++) {
                    q.append(k == 0 ? "?" : "&").append(enc(pick(random, NAMES))).append('=')
                            .append(random.nextInt(10) == 0 ? pick(random, VALUES) : enc(pick(random, VALUES)));
                }
                String method = pick(random, METHODS);
                String body = random.nextBoolean() ? null : pick(random, new String[] {"{", "{\"action\":1}",
                    "action=", "{\"action\":\"initiateDatabaseReset\",\"token\":[1]}", "\u0000\u0001", "[]", "null",
                    "{\"action\":\"performDatabaseReset\",\"token\":\"x\"}"});
                HttpResponse<String> r;
                try {
                    r = s.send(method, pick(random, PATHS) + q, body, random.nextBoolean() ? "application/json" : null);
                } catch (IllegalArgumentException e) {
                    continue; // the client itself refused the URI; nothing was sent
                }
                assertThat(r.statusCode()).as(method + " " + q + " -> " + r.body()).isIn(200, 400, 404, 405);
                if (r.statusCode() != 200) {
                    assertThat(TestServer.json(r).get("code").asText()).isNotEmpty();
                }
            }
            assertThat(s.get("/pg/stream?iteratorType=TRIM_HORIZON&limit=1000").body()).isEqualTo(before);
            assertThat(s.get("/status").statusCode()).isEqualTo(200);
        } finally {
            errors.close();
        }
        assertThat(errors.events()).as("events logged at ERROR").isEmpty();
    }

    @Test
    void malformedHttpGetsA400AndTheServerCarriesOn(@TempDir Path dir) throws IOException {
        ErrorLog errors = ErrorLog.capture();
        try (TestServer s = TestServer.start(dir)) {
            Map<String, String> messages = Map.of(
                    "GARBAGE\r\n\r\n", "Malformed HTTP request",
                    "GET /status HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(70_000) + "\r\n\r\n",
                    "Malformed HTTP request: the headers are longer than 65536 bytes",
                    "GET /" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                    "Malformed HTTP request: the request line is longer than 65536 bytes",
                    "GET /status HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", "Malformed HTTP request");
            for (Map.Entry<String, String> raw : messages.entrySet()) {
                String answer = exchangeRaw(s.server.port(), raw.getKey());
                assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n")
                        .endsWith("\"code\":\"BadRequestException\",\"detailedMessage\":\"" + raw.getValue() + "\"}");
            }
            // A well-formed request from a client that then shuts its output still gets its answer.
            assertThat(exchangeRaw(s.server.port(), "GET /status HTTP/1.1\r\nHost: x\r\n\r\n"))
                    .startsWith("HTTP/1.1 200 OK\r\n").endsWith("\"clusterQueryTimeoutInMs\":\"120000\"}}");
            // A body cut short by the client cannot be answered as a request: the connection just ends.
            assertThat(exchangeRaw(s.server.port(),
                    "POST /system HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n{")).isEmpty();
            assertThat(s.get("/status").statusCode()).isEqualTo(200);
        } finally {
            errors.close();
        }
        assertThat(errors.events()).as("events logged at ERROR").isEmpty();
    }

    @Test
    void aHugeRequestLineIsAnsweredToAClientThatReadsOnlyOnceItHasSentIt(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(dir); Socket socket = new Socket("127.0.0.1", s.server.port())) {
            socket.setSoTimeout(10_000);
            // As java.net.http does: the whole request first, then the answer. Closed at once, the connection was
            // reset under the client's writes, and the answer lost with it.
            OutputStream out = socket.getOutputStream();
            out.write(("GET /sparql?query=" + "l".repeat(100_000)).getBytes(StandardCharsets.ISO_8859_1));
            Thread.sleep(300); // the server has answered by now, and once closed at once
            out.write(("l".repeat(2_000_000) + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n").endsWith("\"detailedMessage\":"
                    + "\"Malformed HTTP request: the request line is longer than 65536 bytes\"}");
            assertThat(s.get("/status").statusCode()).isEqualTo(200);
        }
    }

    private static String exchangeRaw(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(3000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
