package dev.nereid.server;

import static dev.nereid.server.StreamReadIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec §1 validation, §4 routes, methods and precedence, over real HTTP. */
class StreamValidationIT {
    static final String NEEDS_COMMIT_NUM = "Parameter 'commitNum' is required when iteratorType is AT_SEQUENCE_NUMBER "
            + "(the default) or AFTER_SEQUENCE_NUMBER; to start at the oldest available record use iteratorType=TRIM_HORIZON";
    static final String BAD_ITERATOR = "': expected one of AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, TRIM_HORIZON, LATEST";

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir);
        TestServer.append(server.pg(), dev.nereid.stream.Op.ADD, TestServer.vl("v1", "person"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "foo=1 | Unknown parameter: foo",
        "Limit=5&commitNum=1 | Unknown parameter: Limit",
        "commitNum=1&foo=1&bar=2 | Unknown parameter: foo",
        "commitNum=x&foo=1 | Unknown parameter: foo",
        "commitNum=1&commitNum=2 | Too many values supplied for: commitNum",
        "commitNum=x&commitNum=y | Too many values supplied for: commitNum",
        "limit=1&limit=1&commitNum=1 | Too many values supplied for: limit",
        "commitNum=abc | Invalid value 'abc' for parameter 'commitNum': expected a non-negative integer",
        "commitNum=-1 | Invalid value '-1' for parameter 'commitNum': expected a non-negative integer",
        "commitNum= | Invalid value '' for parameter 'commitNum': expected a non-negative integer",
        "commitNum=+1 | Invalid value ' 1' for parameter 'commitNum': expected a non-negative integer",
        "commitNum=1.0 | Invalid value '1.0' for parameter 'commitNum': expected a non-negative integer",
        "commitNum=9223372036854775808 | Invalid value '9223372036854775808' for parameter 'commitNum': expected a non-negative integer",
        "commitNum=1&opNum=x | Invalid value 'x' for parameter 'opNum': expected a non-negative integer",
        "iteratorType=TRIM_HORIZON&opNum=-5 | Invalid value '-5' for parameter 'opNum': expected a non-negative integer",
        "commitNum=1&limit=0 | Invalid value '0' for parameter 'limit': expected an integer from 1 to 100000",
        "commitNum=1&limit=100001 | Invalid value '100001' for parameter 'limit': expected an integer from 1 to 100000",
        "commitNum=1&limit=99999999999999999999 | Invalid value '99999999999999999999' for parameter 'limit': expected an integer from 1 to 100000",
        "iteratorType=LATEST&limit=0 | Invalid value '0' for parameter 'limit': expected an integer from 1 to 100000",
        "limit=0&iteratorType=bad | Invalid value '0' for parameter 'limit': expected an integer from 1 to 100000",
        "iteratorType=latest | Invalid value 'latest" + "' for parameter 'iteratorType" + BAD_ITERATOR,
        "iteratorType= | Invalid value '' for parameter 'iteratorType" + BAD_ITERATOR,
        "'' | " + NEEDS_COMMIT_NUM,
        "limit=5 | " + NEEDS_COMMIT_NUM,
        "opNum=3 | " + NEEDS_COMMIT_NUM,
        "iteratorType=AT_SEQUENCE_NUMBER | " + NEEDS_COMMIT_NUM,
        "iteratorType=AFTER_SEQUENCE_NUMBER&opNum=1 | " + NEEDS_COMMIT_NUM,
    })
    void badParametersGet400InvalidParameter(String query, String message) {
        HttpResponse<String> r = server.get("/pg/stream?" + query);
        assertError(r, 400, "InvalidParameterException", message);
    }

    @Test
    void bad_iterator_message_is_exact() {
        assertError(server.get("/sparql/stream?iteratorType=NEWEST"), 400, "InvalidParameterException",
                "Invalid value 'NEWEST' for parameter 'iteratorType': expected one of AT_SEQUENCE_NUMBER, "
                        + "AFTER_SEQUENCE_NUMBER, TRIM_HORIZON, LATEST");
    }

    @Test
    void longValuesAreCutTo64CharactersInTheMessage() {
        String value = "9".repeat(100);
        assertError(server.get("/pg/stream?commitNum=" + value), 400, "InvalidParameterException",
                "Invalid value '" + "9".repeat(64) + "' for parameter 'commitNum': expected a non-negative integer");
    }

    @Test
    void sigV4QueryParametersAreExemptFromTheUnknownCheck() {
        HttpResponse<String> r = server.get("/pg/stream?iteratorType=TRIM_HORIZON&X-Amz-Date=20260101T000000Z"
                + "&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc");
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void ignoredParametersAreStillValidatedButAccepted() {
        assertThat(server.get("/pg/stream?commitNum=0&opNum=0&iteratorType=TRIM_HORIZON").statusCode()).isEqualTo(200);
        assertThat(server.get("/pg/stream?commitNum=123&iteratorType=LATEST&limit=100000").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({"POST, /pg/stream", "PUT, /propertygraph/stream", "DELETE, /sparql/stream/", "PATCH, /gremlin/stream"})
    void otherMethodsOnStreamPathsGet405WithAllow(String method, String path) {
        HttpResponse<String> r = server.send(method, path + "?iteratorType=TRIM_HORIZON", "x=1", "text/plain");
        assertError(r, 405, "MethodNotAllowedException", "Method " + method + " is not allowed for " + path);
        assertThat(r.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void methodIsCheckedBeforeParameters() {
        HttpResponse<String> r = server.send("POST", "/pg/stream?foo=bar", null, null);
        assertError(r, 405, "MethodNotAllowedException", "Method POST is not allowed for /pg/stream");
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /foo?x=1, /foo",
        "GET, /opencypher/stream, /opencypher/stream",
        "GET, /PG/stream?iteratorType=LATEST, /PG/stream",
        "GET, /pg/stream//, /pg/stream//",
        "POST, /propertygraph/streams, /propertygraph/streams",
        "GET, /, /",
        "DELETE, /status/x, /status/x",
    })
    void unknownRoutesGetBadRoute(String method, String uri, String path) {
        HttpResponse<String> r = server.send(method, uri, null, null);
        assertError(r, 400, "MethodNotAllowedException", "Bad route: " + path);
    }

    @Test
    void aBodyOnGetIsIgnored() {
        HttpResponse<String> r = server.send("GET", "/pg/stream?iteratorType=LATEST", "{\"limit\": 0}",
                "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void disabledStreamsAnswerUnsupportedOperationAfterTheRouteCheckAndBeforeMethodAndParameters(@TempDir Path off) {
        try (TestServer s = TestServer.start(off, c -> c.withStreamsEnabled(false))) {
            TestServer.append(s.pg(), dev.nereid.stream.Op.ADD, TestServer.vl("v1", "person"));
            for (String path : new String[] {"/propertygraph/stream", "/pg/stream/", "/gremlin/stream",
                "/sparql/stream"}) {
                assertError(s.get(path + "?iteratorType=TRIM_HORIZON"), 400, "UnsupportedOperationException",
                        "Streams are not enabled on this server");
            }
            assertError(s.send("POST", "/pg/stream?foo=1", null, null), 400, "UnsupportedOperationException",
                    "Streams are not enabled on this server");
            assertError(s.get("/nope"), 400, "MethodNotAllowedException", "Bad route: /nope");
            assertThat(TestServer.json(s.get("/status")).get("features").get("Streams").asText()).isEqualTo("disabled");
        }
        // The log was written while the API was off: turned back on, the change is readable.
        try (TestServer s = TestServer.start(off)) {
            HttpResponse<String> r = s.get("/pg/stream?iteratorType=TRIM_HORIZON");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(TestServer.json(r).get("totalRecords").asInt()).isEqualTo(1);
        }
    }
}
