package dev.nereid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nereid.stream.EventId;
import dev.nereid.stream.Op;
import dev.nereid.stream.PgType;
import dev.nereid.stream.StreamFormat;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageParserTest {
    static final String R3 = "{\"eventId\":{\"commitNum\":2,\"opNum\":3},\"commitTimestamp\":1767225660000,"
            + "\"data\":{\"id\":\"v1\",\"type\":\"vp\",\"key\":\"lang\",\"value\":{\"value\":\"en\",\"dataType\":\"String\"}},\"op\":\"ADD\"}";
    static final String R4 = "{\"eventId\":{\"commitNum\":2,\"opNum\":4},\"commitTimestamp\":1767225660000,"
            + "\"data\":{\"id\":\"v1\",\"type\":\"vp\",\"key\":\"lang\",\"value\":{\"value\":\"fr\",\"dataType\":\"String\"}},\"op\":\"ADD\",\"isLastOp\":true}";
    /** Spec §2.3 example A. */
    static final String EXAMPLE_A = "{\"lastEventId\":{\"commitNum\":2,\"opNum\":4},\"lastTrxTimestamp\":1767225660000,"
            + "\"format\":\"PG_JSON\",\"records\":[" + R3 + "," + R4 + "],\"totalRecords\":2}";

    @Test
    void readsSpecExampleAAndKeepsEachRecordsBytes() throws Exception {
        StreamPage page = PageParser.parse(EXAMPLE_A.getBytes(StandardCharsets.UTF_8));
        assertThat(page.lastEventId()).isEqualTo(new EventId(2, 4));
        assertThat(page.lastTrxTimestamp()).isEqualTo(1767225660000L);
        assertThat(page.format()).isEqualTo(StreamFormat.PG_JSON);
        assertThat(page.totalRecords()).isEqualTo(2);
        assertThat(page.bodyBytes()).isEqualTo(EXAMPLE_A.length());
        StreamRecord first = page.records().get(0);
        assertThat(first.eventId()).isEqualTo(new EventId(2, 3));
        assertThat(first.commitTimestamp()).isEqualTo(1767225660000L);
        assertThat(first.op()).isEqualTo(Op.ADD);
        assertThat(first.isLastOp()).isFalse();
        assertThat(first.json().toString()).isEqualTo(R3);
        assertThat(first.data().toString())
                .isEqualTo("{\"id\":\"v1\",\"type\":\"vp\",\"key\":\"lang\",\"value\":{\"value\":\"en\",\"dataType\":\"String\"}}");
        assertThat(first.pgData().type()).isEqualTo(PgType.VERTEX_PROPERTY);
        assertThat(first.pgData().value().toJava()).isEqualTo("en");
        assertThat(page.records().get(1).isLastOp()).isTrue();
        assertThat(page.records().get(1).json().toString()).isEqualTo(R4);
    }

    @Test
    void aSliceOfALargerArrayAndMultiByteTextKeepTheirExactBytes() throws Exception {
        String rec = "{\"eventId\":{\"commitNum\":1,\"opNum\":1},\"commitTimestamp\":5,"
                + "\"data\":{\"stmt\":\"<http://e/s> <http://e/p> \\\"Kraków ✓ \uD83D\uDE00\\\" .\\n\"},\"op\":\"REMOVE\",\"isLastOp\":true}";
        String body = "{\"lastEventId\":{\"commitNum\":1,\"opNum\":1},\"lastTrxTimestamp\":5,\"format\":\"NQUADS\","
                + "\"records\":[" + rec + "],\"totalRecords\":1}";
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[bodyBytes.length + 20];
        System.arraycopy(bodyBytes, 0, padded, 7, bodyBytes.length);
        StreamPage page = PageParser.parse(padded, 7, bodyBytes.length);
        StreamRecord r = page.records().get(0);
        assertThat(r.json().bytes()).isEqualTo(rec.getBytes(StandardCharsets.UTF_8));
        assertThat(r.op()).isEqualTo(Op.REMOVE);
        assertThat(r.rdfData().stmt()).isEqualTo("<http://e/s> <http://e/p> \"Kraków ✓ \uD83D\uDE00\" .\n");
    }

    @Test
    void fieldOrderWhitespaceUnknownFieldsAndStringNumbersAreAccepted() throws Exception {
        String rec = "{ \"op\" : \"ADD\", \"isLastOp\": true, \"extra\": [1, {\"a\": 2}],"
                + " \"data\": {\"stmt\": \"<a> <b> <c> .\\n\"}, \"commitTimestamp\": \"9\","
                + " \"eventId\": {\"opNum\": \"1\", \"commitNum\": \"3\"} }";
        String body = "{\"totalRecords\":1,\"records\":[ " + rec + " ],\"format\":\"NQUADS\",\"future\":{},"
                + "\"lastTrxTimestamp\":9,\"lastEventId\":{\"commitNum\":3,\"opNum\":1}}";
        StreamPage page = PageParser.parse(body.getBytes(StandardCharsets.UTF_8));
        assertThat(page.records().get(0).eventId()).isEqualTo(new EventId(3, 1));
        assertThat(page.records().get(0).commitTimestamp()).isEqualTo(9);
        assertThat(page.records().get(0).json().toString()).isEqualTo(rec);
    }

    @Test
    void bodiesThatAreNotPagesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> PageParser.parse(EXAMPLE_A.substring(0, 200).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedPageException.class).hasMessageStartingWith("not a stream page:");
        assertThatThrownBy(() -> PageParser.parse(EXAMPLE_A.replace("\"totalRecords\":2", "\"totalRecords\":3")
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedPageException.class)
                .hasMessage("inconsistent page: totalRecords 3, 2 records, lastEventId EventId[commitNum=2, opNum=4]");
        assertThatThrownBy(() -> PageParser.parse("<html>502</html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedPageException.class);
        assertThatThrownBy(() -> PageParser.parse(EXAMPLE_A.replace("\"ADD\",\"isLastOp\"", "\"UPSERT\",\"isLastOp\"")
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedPageException.class).hasMessage("unknown op 'UPSERT'");
    }
}
