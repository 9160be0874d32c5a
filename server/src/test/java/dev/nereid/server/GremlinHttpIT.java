package dev.nereid.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gremlin over HTTP, as curl and the SDKs send it (spec §9): the request forms, Gremlin Server's
 * response format in the serializer the client accepts, one transaction per request, and Neptune's
 * errors, after which nothing has been written.
 */
class GremlinHttpIT {
    /** Five vertices, all connected: paths through them multiply fast. */
    static final String CLIQUE = "g.addV('n').property(id,'n0').addV('n').property(id,'n1').addV('n').property(id,'n2').addV('n').property(id,'n3').addV('n').property(id,'n4');g.V('n0').addE('e').to(__.V('n1'));g.V('n0').addE('e').to(__.V('n2'));g.V('n0').addE('e').to(__.V('n3'));g.V('n0').addE('e').to(__.V('n4'));g.V('n1').addE('e').to(__.V('n2'));g.V('n1').addE('e').to(__.V('n3'));g.V('n1').addE('e').to(__.V('n4'));g.V('n2').addE('e').to(__.V('n3'));g.V('n2').addE('e').to(__.V('n4'));g.V('n3').addE('e').to(__.V('n4'))";
    /** Writes, then walks every path of length 14 through the clique: minutes of work, far past a short timeout. */
    static final String SLOW = "g.addV('t').property(id,'x').next();g.V().repeat(__.both()).times(14).path().count()";
    static final String UNTYPED = "application/vnd.gremlin-v3.0+json;types=false";

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
    void aPostedScriptIsOneCommit() {
        HttpResponse<String> r = post("{\"gremlin\":\"g.addV('person').property(id,'a').property('name','x')\"}", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(server.lastPgCommit()).isEqualTo(1);
        assertThat(server.pgCommit(1)).containsExactly("1 ADD vl a label person", "2 ADD vp a name \"x\" *");
    }

    @Test
    void untypedGraphSonIsWhatTheSdkAsksFor() {
        write("g.addV('person').property(id,'a').property('name','x')");
        HttpResponse<String> r = post("{\"gremlin\":\"g.V('a').values('name')\"}", UNTYPED);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue(UNTYPED + "; charset=UTF-8");
        String requestId = r.headers().firstValue("x-amzn-RequestId").orElseThrow();
        assertThat(r.body()).isEqualTo("{\"requestId\":\"" + requestId + "\",\"status\":{\"message\":\"\",\"code\":200,"
                + "\"attributes\":{}},\"result\":{\"data\":[\"x\"],\"meta\":{}}}");
    }

    @Test
    void typedGraphSon3IsTheDefault() {
        write("g.addV('person').property(id,'a').property('name','x').property('age',29)");
        String typedAge = "{\"requestId\":\"%s\",\"status\":{\"message\":\"\",\"code\":200,\"attributes\":"
                + "{\"@type\":\"g:Map\",\"@value\":[]}},\"result\":{\"data\":{\"@type\":\"g:List\",\"@value\":"
                + "[{\"@type\":\"g:Int32\",\"@value\":29}]},\"meta\":{\"@type\":\"g:Map\",\"@value\":[]}}}";
        for (String accept : new String[] {null, "application/json", "*/*", "application/vnd.gremlin-v3.0+json",
                "text/html, application/xhtml+xml, */*;q=0.8"}) {
            HttpResponse<String> r = post("{\"gremlin\":\"g.V('a').values('age')\"}", accept);
            assertThat(r.statusCode()).as(accept).isEqualTo(200);
            assertThat(r.body()).as(accept).isEqualTo(typedAge.formatted(r.headers().firstValue("x-amzn-RequestId")
                    .orElseThrow()));
        }
        HttpResponse<String> v2 = post("{\"gremlin\":\"g.V('a').values('age')\"}", "application/vnd.gremlin-v2.0+json");
        assertThat(v2.body()).contains("\"data\":[{\"@type\":\"g:Int32\",\"@value\":29}]");
    }

    @Test
    void getAndFormRequestsRunTheSameScript() {
        write("g.addV('person').property(id,'a').property('name','x')");
        String query = "gremlin=" + URLEncoder.encode("g.V('a').values('name')", StandardCharsets.UTF_8);
        for (HttpResponse<String> r : java.util.List.of(
                get("/gremlin?" + query), get("/?" + query),
                server.send(HttpRequest.newBuilder(server.uri("/gremlin")).header("Accept", UNTYPED)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(query)).build()))) {
            assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(200);
            assertThat(TestServer.json(r).get("result").get("data").toString()).isEqualTo("[\"x\"]");
        }
    }

    @Test
    void traversalsSeparatedBySemicolonsOrNewlinesAreOneCommit() {
        HttpResponse<String> r = post("{\"gremlin\":\"g.addV('person').property(id,'v1');"
                + "g.addV('person').property(id,'v2')\\ng.V('v1').addE('knows').to(__.V('v2')).property(id,'e1');"
                + "g.V().count()\"}", UNTYPED);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(r).get("result").get("data").toString()).isEqualTo("[2]");
        assertThat(server.lastPgCommit()).isEqualTo(1);
        assertThat(server.pgCommit(1)).containsExactly("1 ADD vl v1 label person", "2 ADD vl v2 label person",
                "3 ADD e e1 label knows v1→v2 *");
        HttpResponse<String> read = post("{\"gremlin\":\"g.V('v1').out().id()\"}", UNTYPED);
        assertThat(TestServer.json(read).get("result").get("data").toString()).isEqualTo("[\"v2\"]");
        assertThat(server.lastPgCommit()).as("a read commits nothing").isEqualTo(1);
    }

    @Test
    void aFailedScriptWritesNothingAndAnswersInNeptunesTerms() {
        write("g.addV('person').property(id,'a')");
        assertError(post("{\"gremlin\":\"g.addV('person').property(id,'b');g.V(\"}", null), 400,
                "MalformedQueryException", "Failed to interpret Gremlin query: Query parsing failed at line 1, "
                        + "character position at 38, error message : no viable alternative at input 'g.V('");
        assertError(post("{\"gremlin\":\"g.addV('person').property(id,'b');g.addV('x').property('k',[1,2])\"}", null),
                400, "UnsupportedOperationException", "Unsupported property value type ArrayList for key 'k'");
        assertError(post("{\"gremlin\":\"g.addV('person').property(id,'b').property('k',null)\"}", null), 400,
                "UnsupportedOperationException", "Unsupported property value type null for key 'k'");
        assertError(post("{\"gremlin\":\"g.addV('person').property(id,'b');g.addV('person').property(id,'a')\"}",
                null), 400, "ConstraintViolationException", "Vertex with id already exists: a");
        assertError(post("{\"gremlin\":\"g.addV('person').property(id,'b');g.V().map{it.get()}\"}", null), 400,
                "MalformedQueryException", "Failed to interpret Gremlin query: Query parsing failed at line 1, "
                        + "character position at 43, error message : no viable alternative at input 'g.V().map{'");
        assertError(post("{\"gremlin\":\"g.addV('person').property(id,'b').property(1,'x')\"}", null), 400,
                "MalformedQueryException", "A step was given an argument of the wrong type: Integer where String was"
                        + " expected");
        assertError(post("{\"gremlin\":\"g.addV('person').property(id,'b').property(['k':1],'x')\"}", null), 400,
                "MalformedQueryException", "A step was given an argument of the wrong type: LinkedHashMap where String"
                        + " was expected");
        assertThat(server.lastPgCommit()).isEqualTo(1);
        assertThat(TestServer.json(post("{\"gremlin\":\"g.V().id()\"}", UNTYPED)).get("result").get("data")
                .toString()).isEqualTo("[\"a\"]");
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingRuns() {
        assertError(post("{\"gremlin\":\"g.addV()\",\"bindings\":{\"x\":1}}", null), 400, "InvalidParameterException",
                "Gremlin bindings are not supported: write the values into the script");
        assertError(post("{\"query\":\"g.addV()\"}", null), 400, "MissingParameterException",
                "Missing required parameters: [gremlin]");
        assertError(post("{\"gremlin\":", null), 400, "BadRequestException", "Malformed JSON body for /gremlin");
        assertError(post("{\"gremlin\":\"g.addV()\"}", "text/plain"), 400, "BadRequestException",
                "Unsupported Accept header: text/plain");
        assertError(get("/"), 400, "MethodNotAllowedException", "Bad route: /");
        HttpResponse<String> put = server.send("PUT", "/gremlin", "{\"gremlin\":\"g.addV()\"}", "application/json");
        assertError(put, 405, "MethodNotAllowedException", "Method PUT is not allowed for /gremlin");
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, POST");
        assertError(server.send("POST", "/", "{\"gremlin\":\"g.addV()\"}", "application/json"), 400,
                "MethodNotAllowedException", "Bad route: /");
        HttpResponse<String> postRoot = server.send("POST", "/?gremlin=g.addV()", null, null);
        assertError(postRoot, 405, "MethodNotAllowedException", "Method POST is not allowed for /");
        assertThat(postRoot.headers().firstValue("Allow")).hasValue("GET");
        assertThat(server.lastPgCommit()).isZero();
    }

    @Test
    void theGraphComesBackFromItsLogAfterARestart() {
        write("g.addV('person').property(id,'a').property('name','x')");
        write("g.addV('person').property(id,'b').addE('knows').from(__.V('a')).property(id,'e1')");
        server.close();
        server = TestServer.start(dir);
        assertThat(TestServer.json(post("{\"gremlin\":\"g.V('a').out('knows').id()\"}", UNTYPED)).get("result")
                .get("data").toString()).isEqualTo("[\"b\"]");
        write("g.addV('person').property(id,'c')");
        assertThat(server.lastPgCommit()).isEqualTo(3);
    }

    @Test
    void aFastResetEmptiesTheGraphWithItsLog() {
        write("g.addV('person').property(id,'a')");
        String token = TestServer.json(server.send("POST", "/system", "{\"action\":\"initiateDatabaseReset\"}",
                "application/json")).get("payload").get("token").asText();
        assertThat(server.send("POST", "/system", "{\"action\":\"performDatabaseReset\",\"token\":\"" + token
                + "\"}", "application/json").statusCode()).isEqualTo(200);
        assertThat(TestServer.json(post("{\"gremlin\":\"g.V().count()\"}", UNTYPED)).get("result").get("data")
                .toString()).isEqualTo("[0]");
        write("g.addV('person').property(id,'a')");
        assertThat(server.lastPgCommit()).isEqualTo(1);
        assertThat(server.pgCommit(1)).containsExactly("1 ADD vl a label person *");
    }

    @Test
    void snapshotsOnDemandAndAtShutdownBoundTheNextStartUp() {
        write("g.addV('person').property(id,'a')");
        write("g.addV('person').property(id,'b')");
        HttpResponse<String> snapshot = server.send("POST", "/system", "action=snapshot",
                "application/x-www-form-urlencoded");
        assertThat(snapshot.statusCode()).isEqualTo(200);
        assertThat(snapshot.body()).isEqualTo("{\"status\":\"200 OK\",\"payload\":{\"commitNum\":2,\"sparqlCommitNum\":0}}");
        assertThat(server.pg().snapshotCommitNum()).hasValue(2);

        write("g.addV('person').property(id,'c')");
        server.close();
        server = TestServer.start(dir);
        assertThat(server.server.graph().startupReport().snapshotCommitNum()).as("shutdown snapshot").isEqualTo(3);
        assertThat(server.server.graph().startupReport().replayedCommits()).isZero();
        assertThat(TestServer.json(post("{\"gremlin\":\"g.V().id()\"}", UNTYPED)).get("result").get("data").toString())
                .isEqualTo("[\"a\",\"b\",\"c\"]");
        write("g.addV('person').property(id,'d')");
        assertThat(server.lastPgCommit()).isEqualTo(4);
    }

    @Test
    void aQueryPastTheTimeoutStopsWithTimeLimitExceededAndWritesNothing() {
        server.close();
        server = TestServer.start(dir, c -> c.withQueryTimeout(java.time.Duration.ofMillis(300)));
        write(CLIQUE);
        HttpResponse<String> r = post("{\"gremlin\":\"" + SLOW + "\"}", null);
        assertError(r, 500, "TimeLimitExceededException", "Operation terminated (deadline exceeded)");
        assertThat(server.lastPgCommit()).isEqualTo(1);
        write("g.addV('t').property(id,'y')");
        assertThat(server.lastPgCommit()).as("the worker thread is clean again").isEqualTo(2);
    }

    private void write(String script) {
        HttpResponse<String> r = post("{\"gremlin\":\"" + script + "\"}", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private HttpResponse<String> post(String json, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri("/gremlin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return server.send(b.build());
    }

    private HttpResponse<String> get(String pathAndQuery) {
        return server.send(HttpRequest.newBuilder(server.uri(pathAndQuery)).header("Accept", UNTYPED).GET().build());
    }

    private static void assertError(HttpResponse<String> r, int status, String code, String message) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue(code);
        String requestId = r.headers().firstValue("x-amzn-RequestId").orElseThrow();
        assertThat(r.body()).isEqualTo(TestServer.JSON.createObjectNode().put("requestId", requestId)
                .put("code", code).put("detailedMessage", message).toString());
    }
}
