package dev.nereid.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads over real HTTP: spec §2.3's examples byte for byte, each iterator type, paging, the 404s. */
class StreamReadIT {
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir);
        SpecExamples.propertyGraph(server.pg(), server.clock);
        SpecExamples.rdfFirstCommit(server.sparql(), server.clock);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void exampleA_pgJsonAfterSequenceNumber() {
        HttpResponse<String> r = server.get(
                "/propertygraph/stream?iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=2&opNum=2&limit=2");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=UTF-8");
        assertThat(r.headers().firstValue("x-amzn-RequestId")).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
        assertThat(r.body()).isEqualTo("{\"lastEventId\":{\"commitNum\":2,\"opNum\":4},\"lastTrxTimestamp\":1767225660000,"
                + "\"format\":\"PG_JSON\",\"records\":["
                + "{\"eventId\":{\"commitNum\":2,\"opNum\":3},\"commitTimestamp\":1767225660000,"
                + "\"data\":{\"id\":\"v1\",\"type\":\"vp\",\"key\":\"lang\",\"value\":{\"value\":\"en\",\"dataType\":\"String\"}},\"op\":\"ADD\"},"
                + "{\"eventId\":{\"commitNum\":2,\"opNum\":4},\"commitTimestamp\":1767225660000,"
                + "\"data\":{\"id\":\"v1\",\"type\":\"vp\",\"key\":\"lang\",\"value\":{\"value\":\"fr\",\"dataType\":\"String\"}},\"op\":\"ADD\",\"isLastOp\":true}],"
                + "\"totalRecords\":2}");
    }

    @Test
    void exampleB_gremlinJsonDefaultsToAtAndOpNumOne() {
        HttpResponse<String> r = server.get("/gremlin/stream?commitNum=3&limit=2");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"lastEventId\":{\"commitNum\":3,\"opNum\":2},\"lastTrxTimestamp\":1767225720000,"
                + "\"format\":\"GREMLIN_JSON\",\"records\":["
                + "{\"eventId\":{\"commitNum\":3,\"opNum\":1},\"commitTimestamp\":1767225720000,"
                + "\"data\":{\"id\":\"e1\",\"type\":\"ep\",\"key\":\"weight\",\"value\":{\"value\":0.5,\"dataType\":\"Double\"}},\"op\":\"REMOVE\"},"
                + "{\"eventId\":{\"commitNum\":3,\"opNum\":2},\"commitTimestamp\":1767225720000,"
                + "\"data\":{\"id\":\"e1\",\"type\":\"e\",\"key\":\"label\",\"value\":{\"value\":\"knows\",\"dataType\":\"String\"},\"from\":\"v1\",\"to\":\"v2\"},\"op\":\"REMOVE\"}],"
                + "\"totalRecords\":2}");
    }

    @Test
    void exampleC_nquads() {
        HttpResponse<String> r = server.get("/sparql/stream?commitNum=1&opNum=2&limit=2");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"lastEventId\":{\"commitNum\":1,\"opNum\":3},\"lastTrxTimestamp\":1767229200000,"
                + "\"format\":\"NQUADS\",\"records\":["
                + "{\"eventId\":{\"commitNum\":1,\"opNum\":2},\"commitTimestamp\":1767229200000,"
                + "\"data\":{\"stmt\":\"<http://example.org/s> <http://example.org/label> \\\"chat\\\"@fr .\\n\"},\"op\":\"ADD\"},"
                + "{\"eventId\":{\"commitNum\":1,\"opNum\":3},\"commitTimestamp\":1767229200000,"
                + "\"data\":{\"stmt\":\"<http://example.org/s> <http://example.org/n> \\\"5\\\"^^<http://www.w3.org/2001/XMLSchema#int> <http://example.org/g> .\\n\"},\"op\":\"ADD\",\"isLastOp\":true}],"
                + "\"totalRecords\":2}");
    }

    @Test
    void exampleD_latestReturnsOnlyTheNewestRecordWhateverTheLimit() {
        JsonNode page = TestServer.json(server.get("/pg/stream?iteratorType=LATEST&limit=5"));
        assertThat(page.get("totalRecords").asInt()).isEqualTo(1);
        JsonNode rec = page.get("records").get(0);
        assertThat(eventId(rec)).isEqualTo("6:6");
        assertThat(rec.get("op").asText()).isEqualTo("REMOVE");
        assertThat(rec.get("data").get("type").asText()).isEqualTo("vl");
        assertThat(rec.get("data").get("value").get("value").asText()).isEqualTo("Manager");
        assertThat(rec.get("isLastOp").asBoolean()).isTrue();
        assertThat(page.get("lastTrxTimestamp").asLong()).isEqualTo(1767225900000L);
    }

    @Test
    void trimHorizonWithLimitThreeEndsInsideTheFirstCommit() {
        JsonNode page = TestServer.json(server.get("/propertygraph/stream?iteratorType=TRIM_HORIZON&limit=3"));
        assertThat(eventIds(page)).containsExactly("1:1", "1:2", "1:3");
        assertThat(page.get("lastEventId").toString()).isEqualTo("{\"commitNum\":1,\"opNum\":3}");
        page.get("records").forEach(r -> assertThat(r.has("isLastOp")).isFalse());
    }

    @ParameterizedTest(name = "{0} starts at {1}")
    @CsvSource({
        "'commitNum=2', 2:1",
        "'commitNum=2&opNum=0', 2:1",
        "'commitNum=2&opNum=3', 2:3",
        "'iteratorType=AT_SEQUENCE_NUMBER&commitNum=2&opNum=4', 2:4",
        "'commitNum=2&opNum=5', 3:1",
        "'commitNum=2&opNum=9223372036854775807', 3:1",
        "'iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=2&opNum=4', 3:1",
        "'iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=2', 2:2",
        "'iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=0&opNum=0', 1:1",
        "'commitNum=0', 1:1",
        "'iteratorType=TRIM_HORIZON&commitNum=0&opNum=0', 1:1",
        "'iteratorType=TRIM_HORIZON&commitNum=5&opNum=3', 1:1",
        "'iteratorType=LATEST&commitNum=1', 6:6",
    })
    void startPositions(String query, String first) {
        JsonNode page = TestServer.json(server.get("/pg/stream?" + query + "&limit=1"));
        assertThat(eventIds(page)).containsExactly(first);
    }

    @Test
    void pagingAfterLastEventIdReadsEveryRecordOnceThenGets404() {
        List<String> ids = new ArrayList<>();
        List<String> lastOps = new ArrayList<>();
        String query = "iteratorType=TRIM_HORIZON&limit=5";
        while (true) {
            HttpResponse<String> r = server.get("/propertygraph/stream?" + query);
            if (r.statusCode() == 404) {
                assertThat(TestServer.json(r).get("detailedMessage").asText()).isEqualTo(
                        "Requested startEventId is from the future. Last valid eventId is [commitNum = 6, opNum = 6]");
                break;
            }
            JsonNode page = TestServer.json(r);
            assertThat(page.get("totalRecords").asInt()).isEqualTo(page.get("records").size());
            for (JsonNode rec : page.get("records")) {
                ids.add(eventId(rec));
                if (rec.has("isLastOp")) {
                    assertThat(rec.get("isLastOp").asBoolean()).isTrue();
                    lastOps.add(eventId(rec));
                }
            }
            JsonNode last = page.get("lastEventId");
            assertThat(last.get("commitNum").isIntegralNumber()).isTrue();
            query = "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=" + last.get("commitNum").asLong()
                    + "&opNum=" + last.get("opNum").asLong() + "&limit=5";
        }
        int[] sizes = {8, 4, 8, 8, 4, 6};
        List<String> expected = new ArrayList<>();
        for (int c = 1; c <= sizes.length; c++) {
            for (int o = 1; o <= sizes[c - 1]; o++) {
                expected.add(c + ":" + o);
            }
        }
        assertThat(ids).containsExactlyElementsOf(expected);
        assertThat(lastOps).containsExactly("1:8", "2:4", "3:8", "4:8", "5:4", "6:6");
    }

    @ParameterizedTest
    @CsvSource({
        "/propertygraph/stream, PG_JSON", "/propertygraph/stream/, PG_JSON",
        "/pg/stream, PG_JSON", "/pg/stream/, PG_JSON",
        "/gremlin/stream, GREMLIN_JSON", "/gremlin/stream/, GREMLIN_JSON",
        "/sparql/stream, NQUADS", "/sparql/stream/, NQUADS",
    })
    void everyPathServesItsFormat(String path, String format) {
        JsonNode page = TestServer.json(server.get(path + "?iteratorType=TRIM_HORIZON"));
        assertThat(page.get("format").asText()).isEqualTo(format);
    }

    @Test
    void thePropertyGraphPathsServeIdenticalRecords() {
        String q = "?iteratorType=TRIM_HORIZON&limit=100";
        JsonNode a = TestServer.json(server.get("/propertygraph/stream" + q)).get("records");
        JsonNode b = TestServer.json(server.get("/pg/stream" + q)).get("records");
        JsonNode c = TestServer.json(server.get("/gremlin/stream" + q)).get("records");
        assertThat(a.size()).isEqualTo(38);
        assertThat(b).isEqualTo(a);
        assertThat(c).isEqualTo(a);
    }

    @ParameterizedTest
    @CsvSource({
        "'commitNum=9223372036854775807&limit=1'",
        "'iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=6&opNum=6'",
        "'commitNum=7'",
        "'commitNum=1000000000&limit=1'",
        "'iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=9223372036854775807&opNum=9223372036854775807'",
    })
    void pastTheEndNamesTheLastValidEvent(String query) {
        HttpResponse<String> r = server.get("/pg/stream?" + query);
        assertError(r, 404, "StreamRecordsNotFoundException",
                "Requested startEventId is from the future. Last valid eventId is [commitNum = 6, opNum = 6]");
    }

    static void assertError(HttpResponse<String> r, int status, String code, String message) {
        assertThat(r.statusCode()).isEqualTo(status);
        JsonNode body = TestServer.json(r);
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("detailedMessage").asText()).isEqualTo(message);
        assertThat(body.get("requestId").asText()).isEqualTo(r.headers().firstValue("x-amzn-RequestId").orElseThrow());
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue(code);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=UTF-8");
        assertThat(r.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(body.size()).isEqualTo(3);
    }

    static String eventId(JsonNode record) {
        JsonNode id = record.get("eventId");
        return id.get("commitNum").asLong() + ":" + id.get("opNum").asLong();
    }

    static List<String> eventIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("records").forEach(r -> ids.add(eventId(r)));
        return ids;
    }
}
