package dev.nereid.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nereid.client.StreamPage;
import dev.nereid.client.StreamPath;
import dev.nereid.client.StreamRecord;
import dev.nereid.client.StreamServiceException;
import dev.nereid.client.StreamSource;
import dev.nereid.server.SpecExamples;
import dev.nereid.server.TestServer;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.EventId;
import dev.nereid.stream.IteratorType;
import dev.nereid.stream.StreamFormat;
import dev.nereid.stream.StreamRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-page contract of spec §2–§4, run against every {@link StreamSource}: over HTTP with and
 * without gzip, and in-process through the server's own page assembly. Each backend reads the same
 * server's logs, and must give the same pages, byte for byte, and the same errors.
 */
abstract class StreamSourceContract {
    static final Duration EXPIRY = Duration.ofDays(1);
    static final String R1_1 = "{\"eventId\":{\"commitNum\":1,\"opNum\":1},\"commitTimestamp\":1767225600000,"
            + "\"data\":{\"id\":\"v1\",\"type\":\"vl\",\"key\":\"label\",\"value\":{\"value\":\"person\",\"dataType\":\"String\"}},\"op\":\"ADD\"}";

    @TempDir
    static Path dir;
    static TestServer server;

    /** A source for {@code path} of {@code server}, whose streams expire after {@link #EXPIRY}. */
    abstract StreamSource source(TestServer server, StreamPath path);

    @BeforeAll
    static void start() {
        server = TestServer.start(dir.resolve("main"), c -> c.withStreamsExpiry(EXPIRY));
        SpecExamples.propertyGraph(server.pg(), server.clock);
        SpecExamples.rdfFirstCommit(server.sparql(), server.clock);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private StreamPage read(StreamPath path, IteratorType type, long commitNum, long opNum, int limit) throws Exception {
        return source(server, path).read(new StreamRequest(type, commitNum, opNum, limit));
    }

    @Test
    void trimHorizonStartsAtTheOldestRecordAndAPageMayEndInsideACommit() throws Exception {
        StreamPage page = read(StreamPath.PROPERTYGRAPH, IteratorType.TRIM_HORIZON, -1, 1, 3);
        assertThat(page.format()).isEqualTo(StreamFormat.PG_JSON);
        assertThat(page.records()).extracting(StreamRecord::eventId)
                .containsExactly(new EventId(1, 1), new EventId(1, 2), new EventId(1, 3));
        assertThat(page.records()).noneMatch(StreamRecord::isLastOp);
        assertThat(page.lastEventId()).isEqualTo(new EventId(1, 3));
        assertThat(page.records().get(0).json().toString()).isEqualTo(R1_1);
    }

    @Test
    void afterSequenceNumberGivesSpecExampleAByteForByte() throws Exception {
        StreamPage page = read(StreamPath.PROPERTYGRAPH, IteratorType.AFTER_SEQUENCE_NUMBER, 2, 2, 2);
        assertThat(page.lastEventId()).isEqualTo(new EventId(2, 4));
        assertThat(page.lastTrxTimestamp()).isEqualTo(1767225660000L);
        assertThat(page.records()).extracting(r -> r.json().toString()).containsExactly(
                "{\"eventId\":{\"commitNum\":2,\"opNum\":3},\"commitTimestamp\":1767225660000,"
                        + "\"data\":{\"id\":\"v1\",\"type\":\"vp\",\"key\":\"lang\",\"value\":{\"value\":\"en\",\"dataType\":\"String\"}},\"op\":\"ADD\"}",
                "{\"eventId\":{\"commitNum\":2,\"opNum\":4},\"commitTimestamp\":1767225660000,"
                        + "\"data\":{\"id\":\"v1\",\"type\":\"vp\",\"key\":\"lang\",\"value\":{\"value\":\"fr\",\"dataType\":\"String\"}},\"op\":\"ADD\",\"isLastOp\":true}");
        // The body of example A, uncompressed.
        assertThat(page.bodyBytes()).isEqualTo(474);
    }

    @Test
    void theGremlinPathServesTheSameRecordsAsGremlinJson() throws Exception {
        StreamPage page = read(StreamPath.GREMLIN, IteratorType.AT_SEQUENCE_NUMBER, 3, 1, 2);
        assertThat(page.format()).isEqualTo(StreamFormat.GREMLIN_JSON);
        assertThat(page.records()).extracting(r -> r.data().toString()).containsExactly(
                "{\"id\":\"e1\",\"type\":\"ep\",\"key\":\"weight\",\"value\":{\"value\":0.5,\"dataType\":\"Double\"}}",
                "{\"id\":\"e1\",\"type\":\"e\",\"key\":\"label\",\"value\":{\"value\":\"knows\",\"dataType\":\"String\"},\"from\":\"v1\",\"to\":\"v2\"}");
        assertThat(read(StreamPath.PG, IteratorType.AT_SEQUENCE_NUMBER, 3, 1, 2).records())
                .extracting(StreamRecord::data).isEqualTo(page.records().stream().map(StreamRecord::data).toList());
    }

    @Test
    void theSparqlStreamServesNQuads() throws Exception {
        StreamPage page = read(StreamPath.SPARQL, IteratorType.AT_SEQUENCE_NUMBER, 1, 2, 2);
        assertThat(page.format()).isEqualTo(StreamFormat.NQUADS);
        assertThat(page.records()).extracting(r -> r.rdfData().stmt()).containsExactly(
                "<http://example.org/s> <http://example.org/label> \"chat\"@fr .\n",
                "<http://example.org/s> <http://example.org/n> \"5\"^^<http://www.w3.org/2001/XMLSchema#int> <http://example.org/g> .\n");
        assertThat(page.records().get(1).isLastOp()).isTrue();
    }

    @Test
    void latestIsTheNewestRecordWhateverTheLimit() throws Exception {
        StreamPage page = read(StreamPath.PROPERTYGRAPH, IteratorType.LATEST, -1, 1, 50);
        assertThat(page.records()).singleElement().satisfies(r -> {
            assertThat(r.eventId()).isEqualTo(new EventId(6, 6));
            assertThat(r.isLastOp()).isTrue();
        });
    }

    @Test
    void atOpNumZeroOrPastACommitsEndStartsWhereTheSpecSays() throws Exception {
        assertThat(read(StreamPath.PROPERTYGRAPH, IteratorType.AT_SEQUENCE_NUMBER, 2, 0, 1).lastEventId())
                .isEqualTo(new EventId(2, 1));
        assertThat(read(StreamPath.PROPERTYGRAPH, IteratorType.AT_SEQUENCE_NUMBER, 2, 99, 1).lastEventId())
                .isEqualTo(new EventId(3, 1));
    }

    @Test
    void pagingAfterEachLastEventIdReadsEveryRecordOnceAndClosesEveryCommit() throws Exception {
        List<EventId> ids = new ArrayList<>();
        List<Long> closed = new ArrayList<>();
        StreamPage page = read(StreamPath.PROPERTYGRAPH, IteratorType.TRIM_HORIZON, -1, 1, 5);
        while (true) {
            for (StreamRecord r : page.records()) {
                ids.add(r.eventId());
                if (r.isLastOp()) {
                    closed.add(r.commitNum());
                }
            }
            try {
                page = read(StreamPath.PROPERTYGRAPH, IteratorType.AFTER_SEQUENCE_NUMBER,
                        page.lastEventId().commitNum(), page.lastEventId().opNum(), 5);
            } catch (StreamServiceException e) {
                assertThat(e.errorCode()).isEqualTo(ErrorCode.STREAM_RECORDS_NOT_FOUND);
                break;
            }
        }
        assertThat(ids).hasSize(38).isSorted().doesNotHaveDuplicates();
        assertThat(closed).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void pastTheEndIsStreamRecordsNotFoundNamingTheNewestEvent() {
        for (IteratorType type : List.of(IteratorType.AFTER_SEQUENCE_NUMBER, IteratorType.AT_SEQUENCE_NUMBER)) {
            long commit = type == IteratorType.AFTER_SEQUENCE_NUMBER ? 6 : 7;
            assertThatThrownBy(() -> read(StreamPath.PROPERTYGRAPH, type, commit, type == IteratorType.AFTER_SEQUENCE_NUMBER ? 6 : 1, 10))
                    .isInstanceOfSatisfying(StreamServiceException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.STREAM_RECORDS_NOT_FOUND);
                        assertThat(e.httpStatus()).isEqualTo(404);
                        assertThat(e.code()).isEqualTo("StreamRecordsNotFoundException");
                        assertThat(e.detailedMessage()).isEqualTo("Requested startEventId is from the future. "
                                + "Last valid eventId is [commitNum = 6, opNum = 6]");
                    });
        }
    }

    @Test
    void expiredPositionsAndEmptyStreamsAnswerAsTheSpecSays() throws Exception {
        try (TestServer s = TestServer.start(dir.resolve("expiry"), c -> c.withStreamsExpiry(EXPIRY))) {
            StreamSource pg = source(s, StreamPath.PROPERTYGRAPH);
            assertThatThrownBy(() -> pg.read(new StreamRequest(IteratorType.TRIM_HORIZON, -1, 1, 10)))
                    .isInstanceOfSatisfying(StreamServiceException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.STREAM_RECORDS_NOT_FOUND);
                        assertThat(e.detailedMessage()).isEqualTo("Requested startEventId is from the future");
                    });
            SpecExamples.propertyGraph(s.pg(), s.clock);
            // Commits 1 and 2 (T0, T0 + 1 min) are more than a day old; commit 3 (T0 + 2 min) is not.
            s.clock.set(TestServer.T0 + EXPIRY.toMillis() + Duration.ofMinutes(1).toMillis() + 1);
            assertThatThrownBy(() -> pg.read(new StreamRequest(IteratorType.AFTER_SEQUENCE_NUMBER, 1, 8, 10)))
                    .isInstanceOfSatisfying(StreamServiceException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.EXPIRED_STREAM);
                        assertThat(e.httpStatus()).isEqualTo(400);
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.detailedMessage())
                                .isEqualTo("All of the requested records exceed the maximum age allowed and have expired.");
                    });
            assertThat(pg.read(new StreamRequest(IteratorType.AFTER_SEQUENCE_NUMBER, 2, 4, 1)).lastEventId())
                    .isEqualTo(new EventId(3, 1));
            assertThat(pg.read(new StreamRequest(IteratorType.TRIM_HORIZON, -1, 1, 1)).lastEventId())
                    .isEqualTo(new EventId(3, 1));
        }
    }
}
