package dev.nereid.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.ExecuteOpenCypherQueryResponse;
import software.amazon.awssdk.services.neptunedata.model.InvalidParameterException;
import software.amazon.awssdk.services.neptunedata.model.MalformedQueryException;

/**
 * openCypher over HTTP as its clients send it (spec §9): the AWS SDK's JSON with parameters as a string,
 * graph-notebook's form, curl's GET; one statement is one commit in the property-graph stream that Gremlin
 * shares; bad input gets Neptune's error and writes nothing.
 */
class OpenCypherIT {
    static final String FORM = "application/x-www-form-urlencoded";
    static final String UNTYPED = "application/vnd.gremlin-v3.0+json;types=false";
    static final String ANN = "{\"~id\":\"p1\",\"~entityType\":\"node\",\"~labels\":[\"Person\"],"
            + "\"~properties\":{\"name\":\"ann\",\"age\":40}}";

    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theSdkRunsAStatementWithParametersAsOneCommit() {
        try (NeptunedataClient client = server.sdkClient()) {
            ExecuteOpenCypherQueryResponse created = client.executeOpenCypherQuery(r -> r
                    .openCypherQuery("CREATE (n:Person {`~id`: $id, name: $name, age: $age}) RETURN n")
                    .parameters("{\"id\":\"p1\",\"name\":\"ann\",\"age\":40}"));
            Document ann = Document.mapBuilder()
                    .putString("~id", "p1")
                    .putString("~entityType", "node")
                    .putList("~labels", List.of(Document.fromString("Person")))
                    .putDocument("~properties", Document.mapBuilder().putString("name", "ann").putNumber("age", 40)
                            .build())
                    .build();
            assertThat(created.results()).isEqualTo(Document.fromList(List.of(
                    Document.mapBuilder().putDocument("n", ann).build())));

            ExecuteOpenCypherQueryResponse matched = client.executeOpenCypherQuery(r -> r
                    .openCypherQuery("MATCH (n:Person {name: $name}) RETURN n, n.age AS age")
                    .parameters("{\"name\":\"ann\"}"));
            assertThat(matched.results()).isEqualTo(Document.fromList(List.of(
                    Document.mapBuilder().putDocument("n", ann).putNumber("age", 40).build())));
        }
        HttpResponse<String> stream = server.get("/propertygraph/stream?iteratorType=TRIM_HORIZON");
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.body()).isEqualTo("{\"lastEventId\":{\"commitNum\":1,\"opNum\":3},"
                + "\"lastTrxTimestamp\":1767225600000,\"format\":\"PG_JSON\",\"records\":["
                + "{\"eventId\":{\"commitNum\":1,\"opNum\":1},\"commitTimestamp\":1767225600000,"
                + "\"data\":" + TestServer.vl("p1", "Person") + ",\"op\":\"ADD\"},"
                + "{\"eventId\":{\"commitNum\":1,\"opNum\":2},\"commitTimestamp\":1767225600000,"
                + "\"data\":" + TestServer.vp("p1", "name", "ann") + ",\"op\":\"ADD\"},"
                + "{\"eventId\":{\"commitNum\":1,\"opNum\":3},\"commitTimestamp\":1767225600000,"
                + "\"data\":" + SpecExamples.vpInt("p1", "age", 40, "Long") + ",\"op\":\"ADD\",\"isLastOp\":true}],"
                + "\"totalRecords\":3}");
        assertThat(server.lastPgCommit()).as("the MATCH took no commitNum").isEqualTo(1);
    }

    @Test
    void aFormPostAsGraphNotebookSendsItAndAGetAnswerAlike() {
        HttpResponse<String> created = form("/openCypher", "CREATE (n:Person {`~id`: $id, name: $name, age: $age}) "
                + "RETURN n", "{\"id\":\"p1\",\"name\":\"ann\",\"age\":40}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json; charset=UTF-8");
        assertThat(created.body()).isEqualTo("{\"results\":[{\"n\":" + ANN + "}]}");

        HttpResponse<String> read = server.get("/opencypher?query="
                + encode("MATCH (n:Person) RETURN n.name AS name, n.age AS age, n"));
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("{\"results\":[{\"name\":\"ann\",\"age\":40,\"n\":" + ANN + "}]}");
        assertThat(server.pgCommit(1)).containsExactly("1 ADD vl p1 label Person", "2 ADD vp p1 name \"ann\"",
                "3 ADD vp p1 age 40 Long *");
    }

    @Test
    void bothPathsAndBothBodyShapesServe() {
        for (String path : List.of("/openCypher", "/opencypher")) {
            HttpResponse<String> get = server.get(path + "?query=" + encode("RETURN 1 AS one")
                    + "&parameters=" + encode("{}"));
            assertThat(get.statusCode()).as(path).isEqualTo(200);
            assertThat(get.body()).isEqualTo("{\"results\":[{\"one\":1}]}");
            HttpResponse<String> json = server.send("POST", path, "{\"query\":\"RETURN $x AS x, $y AS y\","
                    + "\"parameters\":{\"x\":[1,2.5,\"s\",true,null],\"y\":{\"k\":7}}}", "application/json");
            assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
            assertThat(json.body()).isEqualTo("{\"results\":[{\"x\":[1,2.5,\"s\",true,null],\"y\":{\"k\":7}}]}");
        }
    }

    @Test
    void parameterNumbersAreLongOrDoubleInTheStream() {
        HttpResponse<String> r = server.send("POST", "/openCypher", "{\"query\":\"CREATE (:T {`~id`: 't', i: $i, "
                + "d: $d, b: $b})\",\"parameters\":\"{\\\"i\\\":1,\\\"d\\\":1.5,\\\"b\\\":true}\"}", "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"results\":[]}");
        assertThat(server.pgCommit(1)).containsExactly("1 ADD vl t label T", "2 ADD vp t i 1 Long",
                "3 ADD vp t d 1.5 Double", "4 ADD vp t b true Bool *");
    }

    @Test
    void aSyntaxErrorIsMalformedAndWritesNothing() {
        write("CREATE (:Person {`~id`: 'p1'})");
        HttpResponse<String> r = form("/openCypher", "CREATE (n:Person {`~id`: 'p2'}) RETURN n RETRUN n", null);
        assertErrorContains(r, 400, "MalformedQueryException", "line 1, column 45");
        HttpResponse<String> unclosed = form("/openCypher", "MATCH (n RETURN n", null);
        assertErrorContains(unclosed, 400, "MalformedQueryException", "line 1");
        assertThat(server.lastPgCommit()).isEqualTo(1);
        try (NeptunedataClient client = server.sdkClient()) {
            assertThatThrownBy(() -> client.executeOpenCypherQuery(q -> q.openCypherQuery("CREATE (")))
                    .isInstanceOfSatisfying(MalformedQueryException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedQueryException");
                    });
        }
        assertThat(server.lastPgCommit()).isEqualTo(1);
    }

    @Test
    void parametersThatAreNotAJsonObjectAreRefused() {
        String create = "CREATE (:T {`~id`: 'x'})";
        assertError(form("/openCypher", create, "[1,2]"), 400, "InvalidParameterException",
                "Parameter 'parameters' must be a JSON object, not an array");
        assertError(form("/openCypher", create, "\"x\""), 400, "InvalidParameterException",
                "Parameter 'parameters' must be a JSON object, not a string");
        assertError(form("/openCypher", create, "{\"a\":1} {}"), 400, "InvalidParameterException",
                "Parameter 'parameters' is not valid JSON: more follows the first value");
        assertError(form("/openCypher", create, ""), 400, "InvalidParameterException",
                "Parameter 'parameters' is not valid JSON: it is empty");
        assertError(form("/openCypher", create, "{\"a\":1,\"a\":2}"), 400, "InvalidParameterException",
                "Parameter 'parameters' is not valid JSON: Duplicate field 'a'");
        assertError(form("/openCypher", create, "{\"a\":18446744073709551616}"), 400, "InvalidParameterException",
                "Parameter 'parameters' holds an integer outside the 64-bit range: 18446744073709551616");
        assertErrorContains(form("/openCypher", create, "{id: 1}"), 400, "InvalidParameterException",
                "Parameter 'parameters' is not valid JSON: ");
        assertError(json("{\"query\":\"" + create + "\",\"parameters\":[1,2]}"), 400, "InvalidParameterException",
                "Parameter 'parameters' must be a JSON object, not an array");
        assertError(json("{\"query\":\"" + create + "\",\"parameters\":7}"), 400, "InvalidParameterException",
                "Parameter 'parameters' must be a JSON object, not a number");
        assertError(json("{\"query\":\"" + create + "\",\"parameters\":\"[1]\"}"), 400, "InvalidParameterException",
                "Parameter 'parameters' must be a JSON object, not an array");
        try (NeptunedataClient client = server.sdkClient()) {
            assertThatThrownBy(() -> client.executeOpenCypherQuery(q -> q.openCypherQuery(create).parameters("x")))
                    .isInstanceOfSatisfying(InvalidParameterException.class, e ->
                            assertThat(e.detailedMessage()).startsWith("Parameter 'parameters' is not valid JSON: "));
        }
        assertThat(server.lastPgCommit()).isZero();
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingRuns() {
        assertError(form("/openCypher", null, "{}"), 400, "MissingParameterException",
                "Missing required parameters: [query]");
        assertError(server.get("/opencypher"), 400, "MissingParameterException",
                "Missing required parameters: [query]");
        assertError(json("{\"gremlin\":\"g.V()\"}"), 400, "MissingParameterException",
                "Missing required parameters: [query]");
        assertError(json("{\"query\":42}"), 400, "InvalidParameterException", "Parameter 'query' must be a string");
        assertError(json("{\"query\":"), 400, "BadRequestException", "Malformed JSON body for /openCypher");
        assertError(server.get("/openCypher?query=a&query=b"), 400, "InvalidParameterException",
                "Too many values supplied for: query");
        for (String method : List.of("PUT", "DELETE")) {
            HttpResponse<String> r = server.send(method, "/openCypher", "query=RETURN%201", FORM);
            assertError(r, 405, "MethodNotAllowedException", "Method " + method + " is not allowed for /openCypher");
            assertThat(r.headers().firstValue("Allow")).hasValue("GET, POST");
        }
        assertError(server.get("/OPENCYPHER?query=RETURN%201"), 400, "MethodNotAllowedException",
                "Bad route: /OPENCYPHER");
        assertThat(server.lastPgCommit()).isZero();
    }

    @Test
    void clausesTheEngineDoesNotSupportAreRefused() {
        assertErrorContains(form("/openCypher", "CALL db.labels()", null), 400, "UnsupportedOperationException",
                "db.labels");
        assertErrorContains(form("/openCypher", "LOAD CSV FROM 'x' AS l CREATE (:T {v: l})", null), 400,
                "UnsupportedOperationException", "Unsupported clause");
        assertThat(server.lastPgCommit()).isZero();
    }

    @Test
    void aQueryPastTheTimeoutStopsWithTimeLimitExceededAndWritesNothing() {
        server.close();
        server = TestServer.start(dir, c -> c.withQueryTimeout(Duration.ofMillis(300)));
        gremlin(clique(7));
        HttpResponse<String> r = form("/openCypher", "CREATE (:T {`~id`: 'x'}) WITH 1 AS one "
                + "MATCH p = ()-[*]-() RETURN count(p)", null);
        assertError(r, 500, "TimeLimitExceededException", "Operation terminated (deadline exceeded)");
        assertThat(server.lastPgCommit()).isEqualTo(1);
        write("CREATE (:T {`~id`: 'y'})");
        assertThat(server.lastPgCommit()).as("the worker thread is clean again").isEqualTo(2);
    }

    /** A Gremlin script writing n vertices all connected to each other: paths through them multiply fast. */
    private static String clique(int n) {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < n; i++) {
            script.append("g.addV('n').property(id,'n").append(i).append("').iterate();");
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                script.append("g.V('n").append(i).append("').addE('e').to(__.V('n").append(j).append("')).iterate();");
            }
        }
        return script.append("g.V().count()").toString();
    }

    @Test
    void deletingANodeThatStillHasRelationshipsIsAConstraintViolation() {
        write("CREATE (:Person {`~id`: 'p1'})-[:KNOWS]->(:Person {`~id`: 'p2'})");
        HttpResponse<String> r = form("/openCypher", "CREATE (:Person {`~id`: 'p3'}) WITH 1 AS x "
                + "MATCH (n {`~id`: 'p1'}) DELETE n", null);
        assertErrorContains(r, 400, "ConstraintViolationException", "still has relationships");
        assertThat(server.lastPgCommit()).isEqualTo(1);
        assertThat(form("/openCypher", "MATCH (n) RETURN id(n) AS id ORDER BY id", null).body())
                .isEqualTo("{\"results\":[{\"id\":\"p1\"},{\"id\":\"p2\"}]}");
    }

    @Test
    void writtenByOpenCypherReadByGremlin() {
        write("CREATE (:Person {`~id`: 'p1', name: 'ann'})-[:MANAGES {since: 2020}]->"
                + "(:Person {`~id`: 'p2', name: 'bob'})");
        assertThat(gremlin("g.V('p1').out('MANAGES').values('name')").toString()).isEqualTo("[\"bob\"]");
        assertThat(gremlin("g.V('p1').outE('MANAGES').values('since')").toString()).isEqualTo("[2020]");
        String m1 = gremlin("g.E().id()").get(0).asText();
        assertThat(server.pgCommit(1)).containsExactly("1 ADD vl p1 label Person", "2 ADD vl p2 label Person",
                "3 ADD vp p1 name \"ann\"", "4 ADD vp p2 name \"bob\"", "5 ADD e " + m1 + " label MANAGES p1→p2",
                "6 ADD ep " + m1 + " since 2020 Long *");
    }

    @Test
    void writtenByGremlinMatchedByOpenCypher() {
        assertThat(gremlin("g.addV('person').property(id,'v1').property('name','marko').property('age',29)"
                + ".addV('person').property(id,'v2').property('name','vadas');"
                + "g.V('v1').addE('knows').to(__.V('v2')).property(id,'e1').property('weight',0.5d);g.V().count()")
                .toString()).isEqualTo("[2]");
        HttpResponse<String> r = form("/openCypher", "MATCH (a:person {name: 'marko'})-[k:knows]->(b) "
                + "RETURN a.age AS age, k, b.name AS name", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"results\":[{\"age\":29,\"k\":{\"~id\":\"e1\",\"~entityType\":"
                + "\"relationship\",\"~start\":\"v1\",\"~end\":\"v2\",\"~type\":\"knows\",\"~properties\":"
                + "{\"weight\":0.5}},\"name\":\"vadas\"}]}");
        assertThat(server.lastPgCommit()).isEqualTo(1);
    }

    private void write(String query) {
        HttpResponse<String> r = form("/openCypher", query, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** A form POST as graph-notebook sends it; a null field is left out. */
    private HttpResponse<String> form(String path, String query, String parameters) {
        StringBuilder body = new StringBuilder();
        if (query != null) {
            body.append("query=").append(encode(query));
        }
        if (parameters != null) {
            body.append(body.isEmpty() ? "" : "&").append("parameters=").append(encode(parameters));
        }
        return server.send("POST", path, body.toString(), FORM);
    }

    private HttpResponse<String> json(String body) {
        return server.send("POST", "/openCypher", body, "application/json");
    }

    /** The result data of a Gremlin script posted over HTTP, as untyped GraphSON. */
    private JsonNode gremlin(String script) {
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.uri("/gremlin")).header("Accept", UNTYPED)
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.JSON.createObjectNode().put("gremlin", script)
                        .toString())).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestServer.json(r).get("result").get("data");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void assertError(HttpResponse<String> r, int status, String code, String message) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue(code);
        String requestId = r.headers().firstValue("x-amzn-RequestId").orElseThrow();
        assertThat(r.body()).isEqualTo(TestServer.JSON.createObjectNode().put("requestId", requestId)
                .put("code", code).put("detailedMessage", message).toString());
    }

    /** For messages written by the openCypher parser or translator rather than by Nereid. */
    private static void assertErrorContains(HttpResponse<String> r, int status, String code, String fragment) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue(code);
        JsonNode body = TestServer.json(r);
        assertThat(body.get("requestId").asText()).isEqualTo(r.headers().firstValue("x-amzn-RequestId").orElseThrow());
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("detailedMessage").asText()).contains(fragment);
        assertThat(body.size()).isEqualTo(3);
    }
}
