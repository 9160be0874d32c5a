package dev.nereid.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nereid.server.http.Responses;
import dev.nereid.server.http.Route;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One connection's slow request holds up no other connection; one connection's answers keep their order. */
class ConnectionIsolationIT {
    @TempDir
    Path dir;

    @Test
    void aSlowRequestHoldsUpOnlyItsOwnConnection() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Route slow = exchange -> {
            entered.countDown();
            release.await(60, TimeUnit.SECONDS);
            return Responses.json(HttpResponseStatus.OK, "{}".getBytes(StandardCharsets.UTF_8));
        };
        try (TestServer s = TestServer.start(dir, c -> c, Map.of("/test/slow", slow))) {
            HttpClient held = HttpClient.newHttpClient();
            CompletableFuture<HttpResponse<String>> slowAnswer = held.sendAsync(
                    HttpRequest.newBuilder(s.uri("/test/slow")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            // More connections than worker threads: each would once have shared a thread with the slow one.
            List<CompletableFuture<HttpResponse<String>>> others = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                others.add(HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(s.uri("/status"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> other : others) {
                assertThat(other.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            assertThat(slowAnswer).isNotDone();
            release.countDown();
            assertThat(slowAnswer.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInTheOrderSent() throws Exception {
        try (TestServer s = TestServer.start(dir); Socket socket = new Socket("127.0.0.1", s.server.port())) {
            String requests = "GET /status HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /no/such/route HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /propertygraph/stream?limit=0 HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /status HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(requests.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(10_000);
            String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // Bodies end without a newline, so the next status line may follow on the same line.
            List<String> statusLines = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("HTTP/1\\.1 \\d{3} [A-Za-z ]+?\r\n")
                    .matcher(answers);
            while (m.find()) {
                statusLines.add(m.group().strip());
            }
            assertThat(statusLines).containsExactly("HTTP/1.1 200 OK", "HTTP/1.1 400 Bad Request",
                    "HTTP/1.1 400 Bad Request", "HTTP/1.1 200 OK");
        }
    }
}
