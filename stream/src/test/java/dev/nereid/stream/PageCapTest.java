package dev.nereid.stream;

import static dev.nereid.stream.StreamFixtures.body;
import static dev.nereid.stream.StreamFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The body-size cap of spec §3.4, checked against bodies rendered independently here. */
class PageCapTest {
    private static final int COMMITS = 12;
    private static final long FIRST_COMMIT = 7;
    /** Timestamps cross from 12 to 13 digits inside the stream. */
    private static final long FIRST_TIMESTAMP = 999_999_999_995L;

    private static String stmt(int i) {
        return "<http://example.org/s" + i + "> <http://example.org/p> \"café ☕ " + i + "\" .\n";
    }

    private static long commitNum(int i) {
        return FIRST_COMMIT + i;
    }

    private static long timestamp(int i) {
        return FIRST_TIMESTAMP + 2L * i;
    }

    /** Single-op commits 7..18, so commitNum and totalRecords both cross 9 -> 10. */
    private static InMemoryStreamView view() {
        InMemoryStreamView view = new InMemoryStreamView(FIRST_COMMIT);
        for (int i = 0; i < COMMITS; i++) {
            view.commit(timestamp(i), List.of(StreamFixtures.rdf(i % 3 == 0 ? Op.REMOVE : Op.ADD, stmt(i))));
        }
        return view;
    }

    /** The expected body of the first {@code k} records, by plain string building. */
    private static String expectedBody(int k) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            String data = "{\"stmt\":\"" + stmt(i).replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
            records.add("{\"eventId\":{\"commitNum\":" + commitNum(i) + ",\"opNum\":1},\"commitTimestamp\":"
                    + timestamp(i) + ",\"data\":" + data + ",\"op\":\"" + (i % 3 == 0 ? "REMOVE" : "ADD")
                    + "\",\"isLastOp\":true}");
        }
        return "{\"lastEventId\":{\"commitNum\":" + commitNum(k - 1) + ",\"opNum\":1},\"lastTrxTimestamp\":"
                + timestamp(k - 1) + ",\"format\":\"NQUADS\",\"records\":[" + String.join(",", records)
                + "],\"totalRecords\":" + k + "}";
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static RenderedPage read(InMemoryStreamView view, String query, long cap) {
        return PageReader.read(view, request(query), StreamFormat.NQUADS, cap);
    }

    @Test
    void theRecordThatCrossesTheCapEndsThePageAndStaysInIt() {
        InMemoryStreamView view = view();
        for (int k = 1; k <= COMMITS; k++) {
            String expected = expectedBody(k);
            long length = utf8Length(expected);
            RenderedPage crossing = read(view, "iteratorType=TRIM_HORIZON&limit=100", length - 1);
            assertThat(body(crossing)).isEqualTo(expected);
            assertThat(crossing.length()).isEqualTo(length);
            assertThat(crossing.totalRecords()).isEqualTo(k);

            RenderedPage fitting = read(view, "iteratorType=TRIM_HORIZON&limit=100", length);
            int expectedCount = Math.min(k + 1, COMMITS);
            assertThat(fitting.totalRecords()).isEqualTo(expectedCount);
            assertThat(body(fitting)).isEqualTo(expectedBody(expectedCount));
        }
        assertThat(view.openCursors()).isZero();
    }

    @Test
    void limitEndsThePageBeforeTheCap() {
        RenderedPage page = read(view(), "iteratorType=TRIM_HORIZON&limit=3", Long.MAX_VALUE);
        assertThat(body(page)).isEqualTo(expectedBody(3));
    }

    @Test
    void aRecordLargerThanTheCapIsServedAlone() {
        InMemoryStreamView view = view();
        for (long cap : new long[] {-1, 0, 1, utf8Length(expectedBody(1)) - 1L}) {
            RenderedPage page = read(view, "iteratorType=TRIM_HORIZON&limit=100", cap);
            assertThat(body(page)).isEqualTo(expectedBody(1));
        }
        String big = "<http://example.org/s> <http://example.org/p> \"" + "x".repeat(50_000) + "\" .\n";
        InMemoryStreamView bigView = new InMemoryStreamView()
                .commit(1, List.of(StreamFixtures.rdf(Op.ADD, big), StreamFixtures.rdf(Op.ADD, big)));
        RenderedPage first = read(bigView, "iteratorType=TRIM_HORIZON&limit=100", 1000);
        assertThat(first.totalRecords()).isEqualTo(1);
        assertThat(first.length()).isGreaterThan(50_000);
        assertThat(first.lastEventId()).isEqualTo(new EventId(1, 1));
        RenderedPage second = read(bigView, "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=1&opNum=1", 1000);
        assertThat(second.totalRecords()).isEqualTo(1);
        assertThat(second.lastEventId()).isEqualTo(new EventId(1, 2));
        assertThat(body(second)).endsWith("\"op\":\"ADD\",\"isLastOp\":true}],\"totalRecords\":1}");
    }

    @Test
    void latestIgnoresTheCapAndTheLimit() {
        RenderedPage page = read(view(), "iteratorType=LATEST&limit=50", 0);
        assertThat(page.totalRecords()).isEqualTo(1);
        assertThat(page.lastEventId()).isEqualTo(new EventId(FIRST_COMMIT + COMMITS - 1, 1));
    }

    @Test
    void theDefaultCapIsTenMebibytesOfUncompressedBody() {
        assertThat(PageReader.DEFAULT_MAX_BODY_BYTES).isEqualTo(10 * 1024 * 1024);
        String pad = "p".repeat(150);
        List<byte[]> ops = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            ops.add(StreamFixtures.pg(Op.ADD, PgData.vertexProperty("v" + i, "k", StreamFixtures.str(pad + i))));
        }
        InMemoryStreamView view = new InMemoryStreamView().commit(1767225600000L, ops);

        RenderedPage capped = PageReader.read(view, request("iteratorType=TRIM_HORIZON&limit=100000"),
                StreamFormat.PG_JSON);
        int n = capped.totalRecords();
        assertThat(n).isBetween(30_000, 35_000);
        assertThat(capped.length()).isGreaterThan(10_485_760);
        assertThat(capped.lastEventId()).isEqualTo(new EventId(1, n));
        assertThat(body(capped).getBytes(StandardCharsets.UTF_8)).hasSize(capped.length());

        RenderedPage oneLess = PageReader.read(view, request("iteratorType=TRIM_HORIZON&limit=" + (n - 1)),
                StreamFormat.PG_JSON);
        assertThat(oneLess.length()).isLessThanOrEqualTo(10_485_760);
        assertThat(oneLess.totalRecords()).isEqualTo(n - 1);
    }
}
