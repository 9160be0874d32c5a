package dev.nereid.bench.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nereid.graph.NereidGraph;
import dev.nereid.graph.capture.PgChange;
import dev.nereid.rdf.RdfStore;
import dev.nereid.server.NereidServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.tinkerpop.gremlin.driver.Result;

/**
 * The server after the fuzzing: healthy, a write then a read succeeding in each language and over the
 * WebSocket, the streams' newest records matching the logs' ends, and each log, replayed from its first
 * record by the engines' own start-up code, rebuilding exactly the live graph and dataset — so no request
 * changed data without logging it, and none logged what it did not apply.
 */
public final class Aftercare {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NereidServer server;
    private final Senders senders;
    private final RequestSigner signer;

    public Aftercare(NereidServer server, Senders senders, RequestSigner signer) {
        this.server = server;
        this.senders = senders;
        this.signer = signer;
    }

    public List<Check> run(Random random) throws InterruptedException {
        String tag = Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        List<Check> checks = new ArrayList<>();
        checks.add(status());
        checks.add(gremlinHttp("ac-g-" + tag));
        checks.add(gremlinWebSocket("ac-w-" + tag));
        checks.add(openCypher("ac-c-" + tag));
        checks.add(sparql("urn:nereid:aftercare:" + tag));
        LogMarks marks = LogMarks.of(server);
        checks.add(latest("/propertygraph/stream", marks.propertyGraph()));
        checks.add(latest("/sparql/stream", marks.sparql()));
        try {
            checks.add(graphReplay());
            checks.add(rdfReplay());
            checks.add(LogDensity.check("property-graph log numbering", server.propertyGraphLog()));
            checks.add(LogDensity.check("SPARQL log numbering", server.sparqlLog()));
        } catch (IOException | RuntimeException e) {
            checks.add(Check.of("replay", false, e.toString()));
        }
        return checks;
    }

    private Check status() throws InterruptedException {
        JsonNode body = ok(HttpCall.get("/status", "/status", false));
        return Check.of("GET /status is healthy", body != null && "healthy".equals(body.path("status").asText()),
                String.valueOf(body));
    }

    private Check gremlinHttp(String id) throws InterruptedException {
        JsonNode wrote = ok(HttpCall.post("/gremlin", "application/json", Corpus.json(Map.of("gremlin",
                "g.addV('aftercare').property(id,'" + id + "').property('n',1)")), "/gremlin", true));
        JsonNode read = ok(HttpCall.get("/gremlin?gremlin=" + Corpus.enc("g.V('" + id + "').values('n')"), "/gremlin",
                false));
        String value = read == null ? null : read.path("result").path("data").path("@value").toString();
        return Check.of("Gremlin over HTTP writes then reads", wrote != null && "[{\"@type\":\"g:Int32\",\"@value\":1}]"
                .equals(value), "read " + value);
    }

    private Check gremlinWebSocket(String id) {
        try {
            senders.driver().client().submit("g.addV('aftercare').property(id,'" + id + "')").all().get();
            List<Result> count = senders.driver().client().submit("g.V('" + id + "').count()").all().get();
            long n = count.get(0).getLong();
            return Check.of("Gremlin over WebSocket (driver) writes then reads", n == 1, "count " + n);
        } catch (Exception e) {
            return Check.of("Gremlin over WebSocket (driver) writes then reads", false, e.toString());
        }
    }

    private Check openCypher(String id) throws InterruptedException {
        JsonNode wrote = ok(HttpCall.post("/openCypher", "application/x-www-form-urlencoded", "query="
                + Corpus.enc("CREATE (:Aftercare {`~id`: '" + id + "', n: 2})"), "/openCypher", true));
        JsonNode read = ok(HttpCall.post("/openCypher", "application/json", Corpus.json(Map.of("query",
                "MATCH (n) WHERE id(n) = $id RETURN n.n AS n", "parameters", Map.of("id", id))), "/openCypher", false));
        return Check.of("openCypher writes then reads", wrote != null && read != null
                && "{\"results\":[{\"n\":2}]}".equals(read.toString()), String.valueOf(read));
    }

    private Check sparql(String subject) throws InterruptedException {
        JsonNode wrote = ok(HttpCall.post("/sparql", "application/sparql-update",
                "INSERT DATA { <" + subject + "> <urn:nereid:p> \"3\" }", "/sparql", true));
        JsonNode read = ok(HttpCall.post("/sparql", "application/sparql-query",
                "SELECT ?o WHERE { <" + subject + "> <urn:nereid:p> ?o }", "/sparql", false));
        String value = read == null ? null : read.path("results").path("bindings").path(0).path("o").path("value")
                .asText();
        boolean committed = wrote != null && wrote.path("commitNum").asLong() == LogMarks.of(server).sparql();
        return Check.of("SPARQL updates then queries", committed && "3".equals(value), "update " + wrote
                + ", read " + value);
    }

    private Check latest(String path, long last) throws InterruptedException {
        JsonNode page = ok(HttpCall.get(path + "?iteratorType=LATEST", path, false));
        long read = page == null ? -1 : page.path("lastEventId").path("commitNum").asLong();
        return Check.of("GET " + path + " LATEST is the log's last commit", read == last,
                "read " + read + ", log " + last);
    }

    private Check graphReplay() throws IOException {
        List<PgChange> live = server.graph().content();
        try (NereidGraph replayed = NereidGraph.open(server.propertyGraphLog())) {
            List<PgChange> fromLog = replayed.content();
            return Check.of("property-graph log replays to the live graph", live.equals(fromLog),
                    live.size() + " live statements, " + fromLog.size() + " replayed");
        }
    }

    private Check rdfReplay() throws IOException {
        List<String> live = server.rdf().content();
        try (RdfStore replayed = RdfStore.open(server.sparqlLog())) {
            List<String> fromLog = replayed.content();
            return Check.of("SPARQL log replays to the live dataset", live.equals(fromLog),
                    live.size() + " live quads, " + fromLog.size() + " replayed");
        }
    }

    /** The JSON body of a 200, or null. */
    private JsonNode ok(HttpCall call) throws InterruptedException {
        Reply reply = senders.http().send(signer.sign(call));
        if (reply.answers().isEmpty() || reply.answers().get(0).status() != 200) {
            return null;
        }
        try {
            return JSON.readTree(reply.answers().get(0).body());
        } catch (IOException e) {
            return null;
        }
    }
}
