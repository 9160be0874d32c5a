package dev.nereid.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.ConstraintViolationException;
import software.amazon.awssdk.services.neptunedata.model.Encoding;
import software.amazon.awssdk.services.neptunedata.model.ExecuteGremlinQueryResponse;
import software.amazon.awssdk.services.neptunedata.model.GetPropertygraphStreamResponse;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;
import software.amazon.awssdk.services.neptunedata.model.MalformedQueryException;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphRecord;

/**
 * The AWS SDK for Java v2, unmodified: {@code executeGremlinQuery} writes spec §5.5's Gremlin commits
 * and {@code getPropertygraphStream} reads back exactly their records, plain and gzipped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NeptuneSdkGremlinIT {
    static final String UNTYPED = "application/vnd.gremlin-v3.0+json;types=false";
    static final long MINUTE = 60_000;

    @TempDir
    static Path dir;
    static TestServer server;
    static NeptunedataClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir);
        client = server.sdkClient();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    @Order(1)
    void writesTheWorkedExampleOneCommitPerQuery() {
        ExecuteGremlinQueryResponse first = client.executeGremlinQuery(r -> r.serializer(UNTYPED).gremlinQuery(
                "g.addV('person::employee').property(id,'v1').property('name','marko').property('age',29).next()\n"
                        + "g.addV('person').property(id,'v2').property('name','vadas').next()\n"
                        + "g.V('v1').addE('knows').to(__.V('v2')).property(id,'e1').property('weight',0.5d)"));
        assertThat(first.status().code()).isEqualTo(200);
        assertThat(first.status().message()).isEmpty();
        assertThat(first.result().asMap().get("data").asList()).hasSize(1);
        assertThat(first.result().asMap().get("data").asList().get(0).asMap().get("id"))
                .isEqualTo(Document.fromString("e1"));

        server.clock.set(TestServer.T0 + MINUTE);
        client.executeGremlinQuery(r -> r.gremlinQuery(
                "g.V('v1').property(single,'age',30).property('lang','en').property('lang','fr')"));
        server.clock.set(TestServer.T0 + 2 * MINUTE);
        ExecuteGremlinQueryResponse unchanged = client.executeGremlinQuery(r -> r.serializer(UNTYPED)
                .gremlinQuery("g.V('v2').property('name','vadas').next(); g.V('v1').property(single,'age',30)"));
        assertThat(unchanged.status().code()).isEqualTo(200);
        client.executeGremlinQuery(r -> r.gremlinQuery("g.V('v1').drop()"));

        assertThat(server.pgCommit(1)).containsExactly("1 ADD vl v1 label person", "2 ADD vl v1 label employee",
                "3 ADD vl v2 label person", "4 ADD vp v1 name \"marko\"", "5 ADD vp v1 age 29 Int",
                "6 ADD vp v2 name \"vadas\"", "7 ADD e e1 label knows v1→v2", "8 ADD ep e1 weight 0.5 Double *");
        assertThat(server.pgCommit(2)).containsExactly("1 REMOVE vp v1 age 29 Int", "2 ADD vp v1 age 30 Int",
                "3 ADD vp v1 lang \"en\"", "4 ADD vp v1 lang \"fr\" *");
        assertThat(server.pgCommit(3)).containsExactly("1 REMOVE ep e1 weight 0.5 Double",
                "2 REMOVE e e1 label knows v1→v2", "3 REMOVE vp v1 name \"marko\"", "4 REMOVE vp v1 age 30 Int",
                "5 REMOVE vp v1 lang \"en\"", "6 REMOVE vp v1 lang \"fr\"", "7 REMOVE vl v1 label person",
                "8 REMOVE vl v1 label employee *");
        assertThat(server.lastPgCommit()).as("the unchanging query took no commitNum").isEqualTo(3);
    }

    @Test
    @Order(2)
    void readsTheCommitsBackPlainAndGzipped() {
        for (Encoding encoding : new Encoding[] {null, Encoding.GZIP}) {
            GetPropertygraphStreamResponse page = client.getPropertygraphStream(r -> r
                    .iteratorType(IteratorType.TRIM_HORIZON).limit(100L).encoding(encoding));
            assertThat(page.totalRecords()).isEqualTo(20);
            List<String> summary = new ArrayList<>();
            for (PropertygraphRecord rec : page.records()) {
                summary.add(rec.eventId().get("commitNum") + ":" + rec.eventId().get("opNum") + " " + rec.op() + " "
                        + rec.data().type() + " " + rec.data().id() + " " + rec.commitTimestampInMillis()
                        + (Boolean.TRUE.equals(rec.isLastOp()) ? " last" : ""));
            }
            assertThat(summary).as("encoding %s", encoding).startsWith(
                    "1:1 ADD vl v1 1767225600000", "1:2 ADD vl v1 1767225600000", "1:3 ADD vl v2 1767225600000")
                    .contains("1:8 ADD ep e1 1767225600000 last", "2:1 REMOVE vp v1 1767225660000",
                            "2:4 ADD vp v1 1767225660000 last", "3:1 REMOVE ep e1 1767225720000")
                    .endsWith("3:8 REMOVE vl v1 1767225720000 last");
            PropertygraphRecord weight = page.records().get(7);
            assertThat(weight.data().key()).isEqualTo("weight");
            assertThat(weight.data().value()).isEqualTo(Document.mapBuilder()
                    .putNumber("value", 0.5).putString("dataType", "Double").build());
            assertThat(page.lastEventId()).containsEntry("commitNum", "3").containsEntry("opNum", "8");
        }
    }

    @Test
    @Order(3)
    void gremlinErrorsMapToTheSdksExceptionClasses() {
        assertThatThrownBy(() -> client.executeGremlinQuery(r -> r.gremlinQuery("g.V(")))
                .isInstanceOfSatisfying(MalformedQueryException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedQueryException");
                    assertThat(e.detailedMessage()).isEqualTo("Failed to interpret Gremlin query: Query parsing "
                            + "failed at line 1, character position at 4, error message : no viable alternative at "
                            + "input 'g.V('");
                });
        assertThatThrownBy(() -> client.executeGremlinQuery(r -> r.gremlinQuery("g.addV('person').property(id,'v2')")))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e ->
                        assertThat(e.detailedMessage()).isEqualTo("Vertex with id already exists: v2"));
        assertThat(server.lastPgCommit()).isEqualTo(3);
    }
}
