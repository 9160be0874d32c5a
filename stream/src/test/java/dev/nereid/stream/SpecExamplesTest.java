package dev.nereid.stream;

import static dev.nereid.stream.StreamFixtures.body;
import static dev.nereid.stream.StreamFixtures.request;
import static dev.nereid.stream.StreamFixtures.unwrap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The full examples of spec §2.3 and the reads of §5.5, byte for byte. */
class SpecExamplesTest {

    @Test
    void exampleA_pgJson() {
        InMemoryStreamView view = StreamFixtures.pgStream();
        RenderedPage page = PageReader.read(view,
                request("iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=2&opNum=2&limit=2"), StreamFormat.PG_JSON);
        assertThat(body(page)).isEqualTo(unwrap("""
                {"lastEventId":{"commitNum":2,"opNum":4},"lastTrxTimestamp":1767225660000,"format":"PG_JSON",
                 "records":[
                  {"eventId":{"commitNum":2,"opNum":3},"commitTimestamp":1767225660000,
                   "data":{"id":"v1","type":"vp","key":"lang","value":{"value":"en","dataType":"String"}},"op":"ADD"},
                  {"eventId":{"commitNum":2,"opNum":4},"commitTimestamp":1767225660000,
                   "data":{"id":"v1","type":"vp","key":"lang","value":{"value":"fr","dataType":"String"}},"op":"ADD","isLastOp":true}],
                 "totalRecords":2}
                """));
        assertThat(page.totalRecords()).isEqualTo(2);
        assertThat(page.lastEventId()).isEqualTo(new EventId(2, 4));
        assertThat(page.lastTrxTimestamp()).isEqualTo(1767225660000L);
        assertThat(view.openCursors()).isZero();
    }

    @Test
    void exampleB_gremlinJson() {
        RenderedPage page = PageReader.read(StreamFixtures.pgStream(), request("commitNum=3&limit=2"),
                StreamFormat.GREMLIN_JSON);
        assertThat(body(page)).isEqualTo(unwrap("""
                {"lastEventId":{"commitNum":3,"opNum":2},"lastTrxTimestamp":1767225720000,"format":"GREMLIN_JSON",
                 "records":[
                  {"eventId":{"commitNum":3,"opNum":1},"commitTimestamp":1767225720000,
                   "data":{"id":"e1","type":"ep","key":"weight","value":{"value":0.5,"dataType":"Double"}},"op":"REMOVE"},
                  {"eventId":{"commitNum":3,"opNum":2},"commitTimestamp":1767225720000,
                   "data":{"id":"e1","type":"e","key":"label","value":{"value":"knows","dataType":"String"},"from":"v1","to":"v2"},"op":"REMOVE"}],
                 "totalRecords":2}
                """));
    }

    @Test
    void exampleC_nquads() {
        RenderedPage page = PageReader.read(StreamFixtures.rdfStream(), request("commitNum=1&opNum=2&limit=2"),
                StreamFormat.NQUADS);
        assertThat(body(page)).isEqualTo(unwrap("""
                {"lastEventId":{"commitNum":1,"opNum":3},"lastTrxTimestamp":1767229200000,"format":"NQUADS",
                 "records":[
                  {"eventId":{"commitNum":1,"opNum":2},"commitTimestamp":1767229200000,
                   "data":{"stmt":"<http://example.org/s> <http://example.org/label> \\"chat\\"@fr .\\n"},"op":"ADD"},
                  {"eventId":{"commitNum":1,"opNum":3},"commitTimestamp":1767229200000,
                   "data":{"stmt":"<http://example.org/s> <http://example.org/n> \\"5\\"^^<http://www.w3.org/2001/XMLSchema#int> <http://example.org/g> .\\n"},"op":"ADD","isLastOp":true}],
                 "totalRecords":2}
                """));
    }

    @Test
    void exampleD_latest() {
        RenderedPage page = PageReader.read(StreamFixtures.pgStream(), request("iteratorType=LATEST"),
                StreamFormat.PG_JSON);
        assertThat(body(page)).isEqualTo(
                "{\"lastEventId\":{\"commitNum\":6,\"opNum\":6},\"lastTrxTimestamp\":1767225900000,\"format\":\"PG_JSON\","
                        + "\"records\":[{\"eventId\":{\"commitNum\":6,\"opNum\":6},\"commitTimestamp\":1767225900000,"
                        + "\"data\":{\"id\":\"p1\",\"type\":\"vl\",\"key\":\"label\","
                        + "\"value\":{\"value\":\"Manager\",\"dataType\":\"String\"}},\"op\":\"REMOVE\",\"isLastOp\":true}],"
                        + "\"totalRecords\":1}");
    }

    @Test
    void section55_trimHorizonLimit3() {
        RenderedPage page = PageReader.read(StreamFixtures.pgStream(), request("iteratorType=TRIM_HORIZON&limit=3"),
                StreamFormat.PG_JSON);
        assertThat(body(page)).isEqualTo(
                "{\"lastEventId\":{\"commitNum\":1,\"opNum\":3},\"lastTrxTimestamp\":1767225600000,\"format\":\"PG_JSON\","
                        + "\"records\":["
                        + vl(1, "v1", "person") + "," + vl(2, "v1", "employee") + "," + vl(3, "v2", "person")
                        + "],\"totalRecords\":3}");
    }

    private static String vl(int opNum, String id, String label) {
        return "{\"eventId\":{\"commitNum\":1,\"opNum\":" + opNum + "},\"commitTimestamp\":1767225600000,"
                + "\"data\":{\"id\":\"" + id + "\",\"type\":\"vl\",\"key\":\"label\",\"value\":{\"value\":\"" + label
                + "\",\"dataType\":\"String\"}},\"op\":\"ADD\"}";
    }

    @Test
    void section55_afterTheLastEventIsFromTheFuture() {
        assertThatThrownBy(() -> PageReader.read(StreamFixtures.pgStream(),
                request("iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=6&opNum=6"), StreamFormat.PG_JSON))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.STREAM_RECORDS_NOT_FOUND);
                    assertThat(e.errorCode().httpStatus()).isEqualTo(404);
                    assertThat(e.detailedMessage()).isEqualTo(
                            "Requested startEventId is from the future. Last valid eventId is [commitNum = 6, opNum = 6]");
                });
    }

    @Test
    void pgJsonAndGremlinJsonDifferOnlyInFormat() {
        InMemoryStreamView view = StreamFixtures.pgStream();
        for (String q : new String[] {"iteratorType=TRIM_HORIZON&limit=100", "commitNum=3&opNum=4&limit=7",
                "iteratorType=LATEST"}) {
            String pg = body(PageReader.read(view, request(q), StreamFormat.PG_JSON));
            String gremlin = body(PageReader.read(view, request(q), StreamFormat.GREMLIN_JSON));
            assertThat(gremlin).isNotEqualTo(pg);
            assertThat(gremlin.replaceFirst("\"format\":\"GREMLIN_JSON\"", "\"format\":\"PG_JSON\"")).isEqualTo(pg);
        }
    }

    @Test
    void renderedPageLengthIsTheUtf8Length() {
        RenderedPage page = PageReader.read(StreamFixtures.pgStream(), request("iteratorType=TRIM_HORIZON&limit=100"),
                StreamFormat.GREMLIN_JSON);
        assertThat(body(page).getBytes(StandardCharsets.UTF_8)).hasSize(page.length());
        assertThat(page.offset() + page.length()).isLessThanOrEqualTo(page.bytes().length);
        assertThat(page.totalRecords()).isEqualTo(38);
        assertThat(page.lastEventId()).isEqualTo(new EventId(6, 6));
    }
}
