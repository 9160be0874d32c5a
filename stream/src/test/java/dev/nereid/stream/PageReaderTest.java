package dev.nereid.stream;

import static dev.nereid.stream.StreamFixtures.PG_COMMIT_SIZES;
import static dev.nereid.stream.StreamFixtures.body;
import static dev.nereid.stream.StreamFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Start positions (§3.2), outcomes (§3.3) and paging (§3.4) over the §5.5 stream. */
class PageReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXPIRED = "All of the requested records exceed the maximum age allowed and have expired.";
    private static final String FUTURE = "Requested startEventId is from the future";

    /** An event as a page shows it: "c:o" plus "*" on isLastOp. */
    private static List<String> events(RenderedPage page) {
        try {
            JsonNode root = JSON.readTree(body(page));
            List<String> out = new ArrayList<>();
            for (JsonNode r : root.get("records")) {
                JsonNode id = r.get("eventId");
                assertThat(r.has("isLastOp")).isEqualTo(r.path("isLastOp").asBoolean(false));
                out.add(id.get("commitNum").asLong() + ":" + id.get("opNum").asLong()
                        + (r.has("isLastOp") ? "*" : ""));
            }
            assertThat(root.get("totalRecords").asInt()).isEqualTo(out.size()).isEqualTo(page.totalRecords());
            JsonNode last = root.get("records").get(out.size() - 1);
            assertThat(root.get("lastEventId")).isEqualTo(last.get("eventId"));
            assertThat(root.get("lastTrxTimestamp")).isEqualTo(last.get("commitTimestamp"));
            assertThat(page.lastEventId()).isEqualTo(new EventId(last.get("eventId").get("commitNum").asLong(),
                    last.get("eventId").get("opNum").asLong()));
            return out;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> read(StreamView view, String query) {
        return events(PageReader.read(view, request(query), StreamFormat.PG_JSON));
    }

    private static void assertFails(StreamView view, String query, ErrorCode code, String message) {
        assertThatThrownBy(() -> PageReader.read(view, request(query), StreamFormat.PG_JSON))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(code);
                    assertThat(e.detailedMessage()).isEqualTo(message);
                });
    }

    /** Every event of the §5.5 stream in order, last ops starred. */
    private static List<String> allPgEvents() {
        List<String> all = new ArrayList<>();
        for (int c = 0; c < PG_COMMIT_SIZES.length; c++) {
            for (int o = 1; o <= PG_COMMIT_SIZES[c]; o++) {
                all.add((c + 1) + ":" + o + (o == PG_COMMIT_SIZES[c] ? "*" : ""));
            }
        }
        return all;
    }

    @Test
    void atStartsAtTheEventAndOpNumDefaultsToOne() {
        InMemoryStreamView view = StreamFixtures.pgStream();
        assertThat(read(view, "commitNum=2&opNum=3&limit=3")).containsExactly("2:3", "2:4*", "3:1");
        assertThat(read(view, "commitNum=2&limit=2")).containsExactly("2:1", "2:2");
        assertThat(read(view, "iteratorType=AT_SEQUENCE_NUMBER&commitNum=4&limit=1")).containsExactly("4:1");
    }

    @Test
    void opNumZeroStartsAtTheCommitsFirstOp() {
        InMemoryStreamView view = StreamFixtures.pgStream();
        assertThat(read(view, "commitNum=2&opNum=0&limit=2")).containsExactly("2:1", "2:2");
        assertThat(read(view, "commitNum=0&opNum=0&limit=2")).containsExactly("1:1", "1:2");
        assertThat(read(view, "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=2&opNum=0&limit=1"))
                .containsExactly("2:1");
    }

    @Test
    void afterStartsAtTheNextEvent() {
        InMemoryStreamView view = StreamFixtures.pgStream();
        assertThat(read(view, "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=1&opNum=7&limit=3"))
                .containsExactly("1:8*", "2:1", "2:2");
        assertThat(read(view, "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=1&opNum=8&limit=1"))
                .containsExactly("2:1");
    }

    @Test
    void opNumPastACommitsEndContinuesAtTheNextCommit() {
        InMemoryStreamView view = StreamFixtures.pgStream();
        assertThat(read(view, "commitNum=2&opNum=5&limit=1")).containsExactly("3:1");
        assertThat(read(view, "commitNum=2&opNum=9223372036854775807&limit=1")).containsExactly("3:1");
        assertThat(read(view, "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=2&opNum=9223372036854775807&limit=1"))
                .containsExactly("3:1");
        String lastValid = FUTURE + ". Last valid eventId is [commitNum = 6, opNum = 6]";
        assertFails(view, "commitNum=6&opNum=7", ErrorCode.STREAM_RECORDS_NOT_FOUND, lastValid);
        assertFails(view, "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=6&opNum=9223372036854775807",
                ErrorCode.STREAM_RECORDS_NOT_FOUND, lastValid);
    }

    @Test
    void positionsBeyondTheEndAreFromTheFutureWithoutOverflow() {
        InMemoryStreamView view = StreamFixtures.pgStream();
        String lastValid = FUTURE + ". Last valid eventId is [commitNum = 6, opNum = 6]";
        for (String q : new String[] {
                "commitNum=7",
                "commitNum=1000000000&limit=1",
                "commitNum=9223372036854775807&limit=1",
                "commitNum=9223372036854775807&opNum=9223372036854775807",
                "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=9223372036854775807&opNum=9223372036854775807",
                "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=9223372036854775806&opNum=9223372036854775807"}) {
            assertFails(view, q, ErrorCode.STREAM_RECORDS_NOT_FOUND, lastValid);
        }
        assertThat(view.openCursors()).isZero();
    }

    @Test
    void trimHorizonStartsAtTheFirstEvent() {
        assertThat(read(StreamFixtures.pgStream(), "iteratorType=TRIM_HORIZON&limit=2&commitNum=5&opNum=3"))
                .containsExactly("1:1", "1:2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "&limit=100000", "&limit=1", "&commitNum=1&opNum=1"})
    void latestReturnsExactlyTheNewestEvent(String extra) {
        InMemoryStreamView view = StreamFixtures.pgStream();
        assertThat(read(view, "iteratorType=LATEST" + extra)).containsExactly("6:6*");
    }

    @Test
    void latestServesTheViewsLastEventEvenMidCommit() {
        InMemoryStreamView view = StreamFixtures.pgStream().reportingLast(new EventId(4, 5));
        assertThat(read(view, "iteratorType=LATEST")).containsExactly("4:5");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7, 8, 37, 38, 100})
    void pagingWithAfterLastEventIdVisitsEveryEventOnceThenGets404(int limit) {
        InMemoryStreamView view = StreamFixtures.pgStream();
        List<String> seen = new ArrayList<>(read(view, "iteratorType=TRIM_HORIZON&limit=" + limit));
        RenderedPage page = PageReader.read(view, request("iteratorType=TRIM_HORIZON&limit=" + limit),
                StreamFormat.PG_JSON);
        int pages = 1;
        while (true) {
            EventId last = page.lastEventId();
            String next = "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=" + last.commitNum() + "&opNum="
                    + last.opNum() + "&limit=" + limit;
            if (last.equals(new EventId(6, 6))) {
                assertFails(view, next, ErrorCode.STREAM_RECORDS_NOT_FOUND,
                        FUTURE + ". Last valid eventId is [commitNum = 6, opNum = 6]");
                break;
            }
            page = PageReader.read(view, request(next), StreamFormat.PG_JSON);
            List<String> events = events(page);
            assertThat(events).hasSizeLessThanOrEqualTo(limit);
            seen.addAll(events);
            pages++;
        }
        assertThat(seen).isEqualTo(allPgEvents());
        assertThat(pages).isEqualTo((38 + limit - 1) / limit);
        assertThat(view.openCursors()).isZero();
    }

    @Test
    void isLastOpFollowsTheTransactionNotThePage() {
        InMemoryStreamView view = StreamFixtures.pgStream();
        assertThat(read(view, "commitNum=1&opNum=7&limit=1")).containsExactly("1:7");
        assertThat(read(view, "commitNum=1&opNum=8&limit=1")).containsExactly("1:8*");
        assertThat(read(view, "commitNum=1&opNum=6&limit=4")).containsExactly("1:6", "1:7", "1:8*", "2:1");
        assertThat(read(view, "commitNum=2&opNum=4&limit=1")).containsExactly("2:4*");
        assertThat(read(view, "iteratorType=TRIM_HORIZON&limit=38")).isEqualTo(allPgEvents());
    }

    @Test
    void emptyStreamIsFromTheFutureForEveryIterator() {
        InMemoryStreamView view = new InMemoryStreamView();
        for (String q : new String[] {"iteratorType=TRIM_HORIZON", "iteratorType=LATEST", "commitNum=0&opNum=0",
                "commitNum=1", "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=0&opNum=0",
                "commitNum=9223372036854775807&limit=1"}) {
            assertFails(view, q, ErrorCode.STREAM_RECORDS_NOT_FOUND, FUTURE);
        }
        assertThat(view.openCursors()).isZero();
    }

    @Test
    void trimmedPositionsAreExpiredExceptAfterTheLastTrimmedEvent() {
        InMemoryStreamView view = StreamFixtures.pgStream().trimThrough(2);
        assertThat(view.lastTrimmed()).contains(new EventId(2, 4));
        for (String q : new String[] {"commitNum=0&opNum=0", "commitNum=1", "commitNum=2&opNum=4",
                "commitNum=2&opNum=0", "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=2&opNum=3",
                "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=0&opNum=0"}) {
            assertFails(view, q, ErrorCode.EXPIRED_STREAM, EXPIRED);
        }
        assertThat(read(view, "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=2&opNum=4&limit=2"))
                .containsExactly("3:1", "3:2");
        assertThat(read(view, "commitNum=2&opNum=5&limit=1")).containsExactly("3:1");
        assertThat(read(view, "commitNum=3&limit=1")).containsExactly("3:1");
        assertThat(read(view, "iteratorType=TRIM_HORIZON&limit=2")).containsExactly("3:1", "3:2");
        assertThat(read(view, "iteratorType=LATEST")).containsExactly("6:6*");
        assertThat(ErrorCode.EXPIRED_STREAM.httpStatus()).isEqualTo(400);
        assertThat(ErrorCode.EXPIRED_STREAM.code()).isEqualTo("ExpiredStreamException");
    }

    @Test
    void trimHorizonAfterPhysicalDeletionStartsAtTheOldestKeptEvent() {
        InMemoryStreamView view = StreamFixtures.pgStream().trimThrough(4).deleteTrimmed();
        assertThat(read(view, "iteratorType=TRIM_HORIZON&limit=1")).containsExactly("5:1");
        assertFails(view, "commitNum=4&opNum=8", ErrorCode.EXPIRED_STREAM, EXPIRED);
    }

    @Test
    void everythingTrimmedButStillReportedAsLastMeansNothingIsReadable() {
        InMemoryStreamView view = StreamFixtures.pgStream().trimThrough(6);
        assertThat(view.last()).contains(new EventId(6, 6));
        for (String q : new String[] {"iteratorType=TRIM_HORIZON", "iteratorType=LATEST",
                "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=6&opNum=6", "commitNum=7", "commitNum=6&opNum=7"}) {
            assertFails(view, q, ErrorCode.STREAM_RECORDS_NOT_FOUND, FUTURE);
        }
        assertFails(view, "commitNum=6&opNum=6", ErrorCode.EXPIRED_STREAM, EXPIRED);
        assertFails(view, "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=6&opNum=5", ErrorCode.EXPIRED_STREAM, EXPIRED);
    }

    @Test
    void everythingTrimmedAndDeleted() {
        InMemoryStreamView view = StreamFixtures.pgStream().trimThrough(6).deleteTrimmed();
        assertThat(view.last()).isEmpty();
        assertFails(view, "iteratorType=TRIM_HORIZON", ErrorCode.STREAM_RECORDS_NOT_FOUND, FUTURE);
        assertFails(view, "iteratorType=LATEST", ErrorCode.STREAM_RECORDS_NOT_FOUND, FUTURE);
        assertFails(view, "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=6&opNum=6",
                ErrorCode.STREAM_RECORDS_NOT_FOUND, FUTURE);
        assertFails(view, "commitNum=1", ErrorCode.EXPIRED_STREAM, EXPIRED);
    }

    @Test
    void trimmedAtTheLargestEventIdLeavesNothingAfterIt() {
        InMemoryStreamView view = new InMemoryStreamView().trimmedAt(new EventId(Long.MAX_VALUE, Long.MAX_VALUE));
        assertFails(view, "iteratorType=TRIM_HORIZON", ErrorCode.STREAM_RECORDS_NOT_FOUND, FUTURE);
        assertFails(view, "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=9223372036854775807&opNum=9223372036854775807",
                ErrorCode.STREAM_RECORDS_NOT_FOUND, FUTURE);
        assertFails(view, "commitNum=9223372036854775807&opNum=9223372036854775807", ErrorCode.EXPIRED_STREAM, EXPIRED);
        assertThat(view.openedCursors()).isZero();
    }

    @Test
    void aPageNeverGoesPastTheViewsLastEvent() {
        InMemoryStreamView view = StreamFixtures.pgStream().reportingLast(new EventId(2, 2));
        assertThat(read(view, "commitNum=1&opNum=7&limit=100")).containsExactly("1:7", "1:8*", "2:1", "2:2");
        assertFails(view, "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=2&opNum=2", ErrorCode.STREAM_RECORDS_NOT_FOUND,
                FUTURE + ". Last valid eventId is [commitNum = 2, opNum = 2]");
        assertThat(read(view, "iteratorType=LATEST")).containsExactly("2:2");
    }

    @Test
    void everyCursorIsClosed() {
        InMemoryStreamView view = StreamFixtures.pgStream();
        read(view, "iteratorType=TRIM_HORIZON&limit=5");
        read(view, "iteratorType=LATEST");
        assertFails(view, "commitNum=6&opNum=7", ErrorCode.STREAM_RECORDS_NOT_FOUND,
                FUTURE + ". Last valid eventId is [commitNum = 6, opNum = 6]");
        InMemoryStreamView racing = StreamFixtures.pgStream().reportingLast(new EventId(9, 9));
        assertFails(racing, "commitNum=7", ErrorCode.STREAM_RECORDS_NOT_FOUND,
                FUTURE + ". Last valid eventId is [commitNum = 9, opNum = 9]");
        assertThat(racing.openedCursors()).isEqualTo(1);
        assertThat(racing.openCursors()).isZero();
        assertThat(view.openedCursors()).isEqualTo(2);
        assertThat(view.openCursors()).isZero();
    }

    @Test
    void largeNumbersRenderInFull() {
        InMemoryStreamView view = new InMemoryStreamView(Long.MAX_VALUE - 1)
                .commit(Long.MAX_VALUE, List.of(StreamFixtures.rdf(Op.ADD, "<a> <b> <c> .\n")))
                .commit(Long.MAX_VALUE, List.of(StreamFixtures.rdf(Op.REMOVE, "<a> <b> <c> .\n")));
        RenderedPage page = PageReader.read(view,
                request("iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=9223372036854775806&opNum=1"),
                StreamFormat.NQUADS);
        assertThat(body(page)).isEqualTo("{\"lastEventId\":{\"commitNum\":9223372036854775807,\"opNum\":1},"
                + "\"lastTrxTimestamp\":9223372036854775807,\"format\":\"NQUADS\",\"records\":[{\"eventId\":"
                + "{\"commitNum\":9223372036854775807,\"opNum\":1},\"commitTimestamp\":9223372036854775807,"
                + "\"data\":{\"stmt\":\"<a> <b> <c> .\\n\"},\"op\":\"REMOVE\",\"isLastOp\":true}],\"totalRecords\":1}");
        assertFails(view, "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=9223372036854775807&opNum=1",
                ErrorCode.STREAM_RECORDS_NOT_FOUND,
                FUTURE + ". Last valid eventId is [commitNum = 9223372036854775807, opNum = 1]");
    }
}
