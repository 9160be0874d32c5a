package dev.nereid.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nereid.stream.Op;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.Encoding;
import software.amazon.awssdk.services.neptunedata.model.ExpiredStreamException;
import software.amazon.awssdk.services.neptunedata.model.GetPropertygraphStreamResponse;
import software.amazon.awssdk.services.neptunedata.model.GetSparqlStreamResponse;
import software.amazon.awssdk.services.neptunedata.model.InvalidParameterException;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphRecord;
import software.amazon.awssdk.services.neptunedata.model.StreamRecordsNotFoundException;

/** The AWS SDK for Java v2 {@code neptunedata} client, unmodified, pointed at Nereid. */
class NeptuneSdkIT {
    @TempDir
    static Path dir;
    static TestServer server;
    static NeptunedataClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir);
        SpecExamples.propertyGraph(server.pg(), server.clock);
        SpecExamples.rdfFirstCommit(server.sparql(), server.clock);
        client = server.sdkClient();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void readsPagesWithTheWireFieldsMapped() {
        GetPropertygraphStreamResponse page = client.getPropertygraphStream(r -> r
                .iteratorType(IteratorType.AFTER_SEQUENCE_NUMBER).commitNum(2L).opNum(2L).limit(2L));
        assertThat(page.format()).isEqualTo("PG_JSON");
        assertThat(page.totalRecords()).isEqualTo(2);
        assertThat(page.lastEventId()).isEqualTo(Map.of("commitNum", "2", "opNum", "4"));
        assertThat(page.lastTrxTimestampInMillis()).isEqualTo(1767225660000L);
        PropertygraphRecord last = page.records().get(1);
        assertThat(last.eventId()).isEqualTo(Map.of("commitNum", "2", "opNum", "4"));
        assertThat(last.commitTimestampInMillis()).isEqualTo(1767225660000L);
        assertThat(last.op()).isEqualTo("ADD");
        assertThat(last.isLastOp()).isTrue();
        assertThat(page.records().get(0).isLastOp()).isNull();
        assertThat(last.data().id()).isEqualTo("v1");
        assertThat(last.data().type()).isEqualTo("vp");
        assertThat(last.data().key()).isEqualTo("lang");
        assertThat(last.data().value()).isEqualTo(Document.mapBuilder()
                .putString("value", "fr").putString("dataType", "String").build());
    }

    @Test
    void edgesCarryFromAndTo() {
        GetPropertygraphStreamResponse page = client.getPropertygraphStream(r -> r.commitNum(3L).opNum(2L).limit(1L));
        PropertygraphRecord edge = page.records().get(0);
        assertThat(edge.op()).isEqualTo("REMOVE");
        assertThat(edge.data().type()).isEqualTo("e");
        assertThat(edge.data().from()).isEqualTo("v1");
        assertThat(edge.data().to()).isEqualTo("v2");
    }

    @Test
    void pagesThroughTheWholeStreamWithAndWithoutGzip() {
        for (Encoding encoding : new Encoding[] {null, Encoding.GZIP}) {
            List<String> ids = new ArrayList<>();
            GetPropertygraphStreamResponse page = client.getPropertygraphStream(r -> r
                    .iteratorType(IteratorType.TRIM_HORIZON).limit(7L).encoding(encoding));
            while (true) {
                page.records().forEach(rec -> ids.add(rec.eventId().get("commitNum") + ":" + rec.eventId().get("opNum")));
                Map<String, String> last = page.lastEventId();
                try {
                    page = client.getPropertygraphStream(r -> r.iteratorType(IteratorType.AFTER_SEQUENCE_NUMBER)
                            .commitNum(Long.parseLong(last.get("commitNum")))
                            .opNum(Long.parseLong(last.get("opNum"))).limit(7L).encoding(encoding));
                } catch (StreamRecordsNotFoundException e) {
                    break;
                }
            }
            assertThat(ids).hasSize(38).startsWith("1:1", "1:2").endsWith("6:5", "6:6");
        }
    }

    @Test
    void readsTheSparqlStream() {
        GetSparqlStreamResponse page = client.getSparqlStream(r -> r.iteratorType(IteratorType.TRIM_HORIZON)
                .encoding(Encoding.GZIP));
        assertThat(page.format()).isEqualTo("NQUADS");
        assertThat(page.totalRecords()).isEqualTo(3);
        assertThat(page.records().get(1).data().stmt())
                .isEqualTo("<http://example.org/s> <http://example.org/label> \"chat\"@fr .\n");
        assertThat(page.records().get(2).isLastOp()).isTrue();
    }

    @Test
    void errorsMapToTheSdksExceptionClasses() {
        assertThatThrownBy(() -> client.getPropertygraphStream(r -> r.commitNum(Long.MAX_VALUE).limit(1L)))
                .isInstanceOfSatisfying(StreamRecordsNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("StreamRecordsNotFoundException");
                    assertThat(e.code()).isEqualTo("StreamRecordsNotFoundException");
                    assertThat(e.detailedMessage()).isEqualTo(
                            "Requested startEventId is from the future. Last valid eventId is [commitNum = 6, opNum = 6]");
                    assertThat(e.requestIdValue()).isEqualTo(e.requestId());
                });
        assertThatThrownBy(() -> client.getPropertygraphStream(r -> r.iteratorType(IteratorType.AFTER_SEQUENCE_NUMBER)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.detailedMessage()).startsWith("Parameter 'commitNum' is required when iteratorType");
                });
        assertThatThrownBy(() -> client.getPropertygraphStream(r -> r.commitNum(1L).limit(0L)))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void expiredPositionsRaiseExpiredStreamException(@TempDir Path other) {
        try (TestServer s = TestServer.start(other);
             NeptunedataClient c = s.sdkClient()) {
            TestServer.append(s.pg(), Op.ADD, TestServer.vl("a", "A"));
            s.clock.advance(Duration.ofDays(8).toMillis());
            assertThatThrownBy(() -> c.getPropertygraphStream(r -> r.commitNum(1L)))
                    .isInstanceOfSatisfying(ExpiredStreamException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.detailedMessage()).isEqualTo(
                                "All of the requested records exceed the maximum age allowed and have expired.");
                    });
        }
    }
}
