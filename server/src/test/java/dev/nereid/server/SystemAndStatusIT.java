package dev.nereid.server;

import static dev.nereid.server.StreamReadIT.assertError;
import static dev.nereid.server.StreamReadIT.eventIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nereid.stream.Op;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import dev.nereid.server.http.Responses;
import dev.nereid.server.http.Route;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /status} and {@code POST /system} fast reset (spec §7). */
class SystemAndStatusIT {
    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String FUTURE = "Requested startEventId is from the future";

    @Test
    void statusHasNeptunesShape(@TempDir Path dir) {
        try (TestServer s = TestServer.start(dir)) {
            HttpResponse<String> r = s.get("/status");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"status\":\"healthy\",\"startTime\":\"Thu Jan 01 00:00:00 UTC 2026\","
                    + "\"dbEngineVersion\":\"1.3.2.0\",\"role\":\"writer\",\"dfeQueryEngine\":\"viaQueryHint\","
                    + "\"gremlin\":{\"version\":\"tinkerpop-3.7.5\"},\"sparql\":{\"version\":\"sparql-1.1\"},"
                    + "\"opencypher\":{\"version\":\"Neptune-9.0.20190305-1.0\"},\"labMode\":{},"
                    + "\"features\":{\"ResultCache\":{\"status\":\"disabled\"},\"IAMAuthentication\":\"disabled\","
                    + "\"Streams\":\"enabled\",\"AuditLog\":\"disabled\",\"SlowQueryLogs\":\"disabled\"},"
                    + "\"settings\":{\"clusterQueryTimeoutInMs\":\"120000\"}}");
            assertError(s.send("POST", "/status", null, null), 405, "MethodNotAllowedException",
                    "Method POST is not allowed for /status");
        }
    }

    @Test
    void fastResetEmptiesBothStreamsAndRestartsNumberingAtOne(@TempDir Path dir) {
        try (TestServer s = TestServer.start(dir)) {
            SpecExamples.propertyGraph(s.pg(), s.clock);
            SpecExamples.rdfFirstCommit(s.sparql(), s.clock);
            String token = initiate(s, JSON, "{\"action\":\"initiateDatabaseReset\"}");
            HttpResponse<String> done = s.send("POST", "/system",
                    "{\"action\":\"performDatabaseReset\",\"token\":\"" + token + "\"}", JSON);
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(done.body()).isEqualTo("{\"status\":\"200 OK\"}");

            assertError(s.get("/pg/stream?iteratorType=TRIM_HORIZON"), 404, "StreamRecordsNotFoundException", FUTURE);
            assertError(s.get("/sparql/stream?iteratorType=LATEST"), 404, "StreamRecordsNotFoundException", FUTURE);
            // An old checkpoint now points into the future, as Neptune warns.
            assertError(s.get("/pg/stream?commitNum=3"), 404, "StreamRecordsNotFoundException", FUTURE);

            assertThat(TestServer.append(s.pg(), Op.ADD, TestServer.vl("x", "X")).commitNum()).isEqualTo(1);
            assertThat(TestServer.append(s.sparql(), Op.ADD,
                    TestServer.stmt("<http://e/s> <http://e/p> \"o\" .\n")).commitNum()).isEqualTo(1);
            assertThat(eventIds(TestServer.json(s.get("/pg/stream?iteratorType=TRIM_HORIZON")))).containsExactly("1:1");
        }
        // The reset is durable: a restart finds the post-reset state.
        try (TestServer s = TestServer.start(dir)) {
            assertThat(eventIds(TestServer.json(s.get("/pg/stream?iteratorType=TRIM_HORIZON&limit=100"))))
                    .containsExactly("1:1");
        }
    }

    @Test
    void formBodiesWorkToo(@TempDir Path dir) {
        try (TestServer s = TestServer.start(dir)) {
            TestServer.append(s.pg(), Op.ADD, TestServer.vl("x", "X"));
            String token = initiate(s, FORM, "action=initiateDatabaseReset");
            HttpResponse<String> done = s.send("POST", "/system", "action=performDatabaseReset&token=" + token, FORM);
            assertThat(done.statusCode()).isEqualTo(200);
            assertError(s.get("/pg/stream?iteratorType=TRIM_HORIZON"), 404, "StreamRecordsNotFoundException", FUTURE);
        }
    }

    @Test
    void badResetRequestsChangeNothing(@TempDir Path dir) {
        try (TestServer s = TestServer.start(dir)) {
            TestServer.append(s.pg(), Op.ADD, TestServer.vl("x", "X"));
            String wrong = "System command parameter 'token' : 'nope' does not match database reset token";

            assertError(s.send("POST", "/system", "{\"action\":\"performDatabaseReset\",\"token\":\"nope\"}", JSON),
                    400, "InvalidParameterException", wrong);
            String stale = initiate(s, JSON, "{\"action\":\"initiateDatabaseReset\"}");
            String newest = initiate(s, JSON, "{\"action\":\"initiateDatabaseReset\"}");
            assertError(perform(s, stale), 400, "InvalidParameterException",
                    "System command parameter 'token' : '" + stale + "' does not match database reset token");
            s.clock.advance(Duration.ofMinutes(61).toMillis());
            assertError(perform(s, newest), 400, "InvalidParameterException",
                    "System command parameter 'token' : '" + newest + "' does not match database reset token");
            assertError(s.send("POST", "/system", "{\"action\":\"performDatabaseReset\"}", JSON), 400,
                    "MissingParameterException", "Missing required parameters: [token]");
            assertError(s.send("POST", "/system", "{\"action\":\"explode\"}", JSON), 400,
                    "InvalidParameterException", "System command parameter 'action' has unsupported value 'explode'");
            assertError(s.send("POST", "/system", "{\"token\":\"x\"}", JSON), 400,
                    "MissingParameterException", "Missing required parameters: [action]");
            assertError(s.send("POST", "/system", "", FORM), 400,
                    "MissingParameterException", "Missing required parameters: [action]");
            assertError(s.send("POST", "/system", "action=initiateDatabaseReset&action=performDatabaseReset", FORM),
                    400, "InvalidParameterException", "Too many values supplied for: action");
            assertError(s.send("POST", "/system",
                            "{\"action\":\"initiateDatabaseReset\",\"action\":\"performDatabaseReset\"}", JSON),
                    400, "InvalidParameterException", "Duplicate field 'action'");
            assertError(s.send("POST", "/system", "{\"action\":", JSON), 400, "BadRequestException",
                    "Malformed JSON body for /system");
            assertError(s.send("GET", "/system", null, null), 405, "MethodNotAllowedException",
                    "Method GET is not allowed for /system");

            assertThat(eventIds(TestServer.json(s.get("/pg/stream?iteratorType=TRIM_HORIZON")))).containsExactly("1:1");
        }
    }

    @Test
    void aTokenWorksOnceAndARestartForgetsIt(@TempDir Path dir) {
        String token;
        try (TestServer s = TestServer.start(dir)) {
            token = initiate(s, JSON, "{\"action\":\"initiateDatabaseReset\"}");
            assertThat(perform(s, token).statusCode()).isEqualTo(200);
            assertThat(perform(s, token).statusCode()).isEqualTo(400);
            token = initiate(s, JSON, "{\"action\":\"initiateDatabaseReset\"}");
        }
        try (TestServer s = TestServer.start(dir)) {
            assertThat(perform(s, token).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void aResetInterruptedByACrashIsFinishedAtStart(@TempDir Path dir) throws IOException {
        try (TestServer s = TestServer.start(dir)) {
            SpecExamples.propertyGraph(s.pg(), s.clock);
        }
        // What a crash between writing the marker and emptying the logs leaves behind.
        Files.createFile(dir.resolve("reset.pending"));
        try (TestServer s = TestServer.start(dir)) {
            assertError(s.get("/pg/stream?iteratorType=TRIM_HORIZON"), 404, "StreamRecordsNotFoundException", FUTURE);
            assertThat(Files.exists(dir.resolve("reset.pending"))).isFalse();
        }
    }

    @Test
    void requestsDuringAResetGet500ServerShutdownAndTheResetWaitsForRequestsInFlight(@TempDir Path dir)
            throws Exception {
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Route slow = exchange -> {
            inFlight.countDown();
            release.await();
            return Responses.json(HttpResponseStatus.OK, "{}".getBytes(StandardCharsets.UTF_8));
        };
        try (TestServer s = TestServer.start(dir, c -> c, Map.of("/test/slow", slow))) {
            TestServer.append(s.pg(), Op.ADD, TestServer.vl("x", "X"));
            String token = initiate(s, JSON, "{\"action\":\"initiateDatabaseReset\"}");
            CompletableFuture<HttpResponse<String>> slowRequest = CompletableFuture.supplyAsync(() -> s.get("/test/slow"));
            inFlight.await();
            CompletableFuture<HttpResponse<String>> reset = CompletableFuture.supplyAsync(() -> perform(s, token));

            HttpResponse<String> during = s.get("/pg/stream?iteratorType=TRIM_HORIZON");
            for (int i = 0; i < 200 && during.statusCode() == 200; i++) {
                Thread.sleep(10);
                during = s.get("/pg/stream?iteratorType=TRIM_HORIZON");
            }
            assertError(during, 500, "ServerShutdownException",
                    "Database reset is in progress. Please retry the query after the cluster is available.");
            assertThat(reset).isNotDone();

            release.countDown();
            assertThat(slowRequest.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(reset.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertError(s.get("/pg/stream?iteratorType=TRIM_HORIZON"), 404, "StreamRecordsNotFoundException", FUTURE);
        }
    }

    static String initiate(TestServer s, String contentType, String body) {
        HttpResponse<String> r = s.send("POST", "/system", body, contentType);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode json = TestServer.json(r);
        assertThat(json.get("status").asText()).isEqualTo("200 OK");
        String token = json.get("payload").get("token").asText();
        assertThat(token).matches("[0-9a-f-]{36}");
        return token;
    }

    static HttpResponse<String> perform(TestServer s, String token) {
        return s.send("POST", "/system", "{\"action\":\"performDatabaseReset\",\"token\":\"" + token + "\"}", JSON);
    }
}
