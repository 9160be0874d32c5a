package dev.nereid.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.Encoding;
import software.amazon.awssdk.services.neptunedata.model.GetSparqlStreamResponse;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;

/**
 * SPARQL 1.1 Protocol at {@code /sparql} (spec §9) as real clients use it — Apache Jena's RDFConnection, form
 * posts, curl-style GETs — and the SPARQL stream those updates write (spec §6), read over HTTP and with the
 * AWS SDK. Bad input gets Neptune's error and writes nothing; the data survives a restart and goes with a
 * fast reset.
 *
 * <p>Just over 500 lines on purpose: the cases share one set of helpers for the protocol's three ways
 * in and the stream's two ways out, and each case is one server's life.
 */
class SparqlIT {
    static final String PREFIXES = "PREFIX ex: <http://example.org/> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> ";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String INT = "<http://www.w3.org/2001/XMLSchema#int>";
    static final String DEFAULT_GRAPH = "http://aws.amazon.com/neptune/vocab/v01/DefaultNamedGraph";
    /** Spec §6.3's first update. */
    static final String FIRST = "INSERT DATA { ex:s ex:p \"a\" . ex:s ex:label \"chat\"@fr . "
            + "GRAPH ex:g { ex:s ex:n \"5\"^^xsd:int } }";
    static final String SELECT_S = "SELECT ?p ?o WHERE { ex:s ?p ?o } ORDER BY ?p";
    /** What {@link #SELECT_S} finds after {@link #FIRST}, as {@link #nt} writes rows. */
    static final String[] SELECT_S_ROWS = {
            "<http://example.org/label> \"chat\"@fr",
            "<http://example.org/n> \"5\"^^" + INT,
            "<http://example.org/p> \"a\""};

    @TempDir
    Path dir;
    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private TestServer start() {
        return start(c -> c);
    }

    private TestServer start(UnaryOperator<ServerConfig> tweak) {
        server = TestServer.start(dir, tweak);
        return server;
    }

    private RDFConnection connect() {
        return RDFConnection.connect(server.uri("/sparql").toString());
    }

    @Test
    void jenasRdfConnectionUpdatesAndQueriesWithNeptunesDatasetSemantics() {
        start();
        try (RDFConnection conn = connect()) {
            conn.update(PREFIXES + FIRST);

            // WHERE without GRAPH sees the union: the quad in ex:g is found too.
            List<String> rows = new ArrayList<>();
            conn.querySelect(PREFIXES + SELECT_S, row -> rows.add(nt(row, "p", "o")));
            assertThat(rows).containsExactly(SELECT_S_ROWS);

            // Data written without GRAPH is in DefaultNamedGraph.
            List<String> graphs = new ArrayList<>();
            conn.querySelect(PREFIXES + "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
                    row -> graphs.add(row.getResource("g").getURI()));
            assertThat(graphs).containsExactly(DEFAULT_GRAPH, "http://example.org/g");

            assertThat(conn.queryAsk(PREFIXES + "ASK { ex:s ex:label \"chat\"@fr }")).isTrue();
            assertThat(conn.queryAsk(PREFIXES + "ASK { ex:s ex:label \"chat\" }")).isFalse();

            // RDFConnection asks for Turtle first; the answer is what the query built.
            Model built = conn.queryConstruct(PREFIXES
                    + "CONSTRUCT { ?s ex:has ?o } WHERE { GRAPH ex:g { ?s ?p ?o } }");
            assertThat(built.getGraph().isIsomorphicWith(turtle(
                    "<http://example.org/s> <http://example.org/has> \"5\"^^" + INT + " ."))).isTrue();
            Model described = conn.queryDescribe(PREFIXES + "DESCRIBE ex:s");
            assertThat(described.size()).isEqualTo(3);

            // CLEAR DEFAULT is DefaultNamedGraph; the quad in ex:g stays.
            conn.update("CLEAR DEFAULT");
            rows.clear();
            conn.querySelect(PREFIXES + SELECT_S, row -> rows.add(nt(row, "p", "o")));
            assertThat(rows).containsExactly(SELECT_S_ROWS[1]);
        }
        assertThat(server.sparql().lastCommit().orElseThrow().commitNum()).as("queries take no commitNum").isEqualTo(2);
    }

    @Test
    void queriesSentAsABodyOrAFormAnswerAlike() {
        start();
        try (RDFConnection conn = connect()) {
            conn.update(PREFIXES + FIRST);
        }
        for (QuerySendMode mode : List.of(QuerySendMode.asGetAlways, QuerySendMode.asPost, QuerySendMode.asPostForm)) {
            try (RDFConnection conn = RDFConnectionRemote.service(server.uri("/sparql").toString())
                    .querySendMode(mode).build()) {
                List<String> objects = new ArrayList<>();
                conn.querySelect(PREFIXES + SELECT_S, row -> objects.add(nt(row, "p", "o")));
                assertThat(objects).as(mode.name()).containsExactly(SELECT_S_ROWS);
            }
        }
    }

    /** Spec §6.3 driven through RDFConnection; the stream reads the same over HTTP and the SDK, gzip or not. */
    @Test
    void theWorkedExampleWritesSpecSixThreesRecords() {
        start();
        server.clock.set(SpecExamples.RDF_T0);
        try (RDFConnection conn = connect()) {
            for (String update : List.of(FIRST,
                    "DELETE { ?s ex:p ?o } INSERT { ?s ex:p \"b\" } WHERE { ?s ex:p ?o }",
                    "INSERT DATA { ex:s ex:p \"b\" }",
                    "INSERT DATA { ex:t ex:p \"x\" } ; DELETE DATA { ex:t ex:p \"x\" }",
                    "INSERT DATA { ex:s ex:addr _:a . _:a ex:city \"Paris\" }",
                    "DELETE WHERE { ex:s ex:addr ?a . ?a ?q ?o }",
                    "DROP GRAPH ex:g")) {
                conn.update(PREFIXES + update);
                server.clock.advance(60_000);
            }
        }
        List<String> records = streamLines(TestServer.json(
                server.get("/sparql/stream?iteratorType=TRIM_HORIZON&limit=100")));
        String blank = records.get(5).split(" ")[5];
        assertThat(blank).matches("_:b[A-Za-z0-9]+");
        long t = SpecExamples.RDF_T0;
        assertThat(records).containsExactly(
                "1:1 " + t + " ADD <http://example.org/s> <http://example.org/p> \"a\" .",
                "1:2 " + t + " ADD <http://example.org/s> <http://example.org/label> \"chat\"@fr .",
                "1:3 " + t + " ADD <http://example.org/s> <http://example.org/n> \"5\"^^" + INT
                        + " <http://example.org/g> . *",
                "2:1 " + (t + 60_000) + " REMOVE <http://example.org/s> <http://example.org/p> \"a\" .",
                "2:2 " + (t + 60_000) + " ADD <http://example.org/s> <http://example.org/p> \"b\" . *",
                "3:1 " + (t + 240_000) + " ADD <http://example.org/s> <http://example.org/addr> " + blank + " .",
                "3:2 " + (t + 240_000) + " ADD " + blank + " <http://example.org/city> \"Paris\" . *",
                "4:1 " + (t + 300_000) + " REMOVE <http://example.org/s> <http://example.org/addr> " + blank + " .",
                "4:2 " + (t + 300_000) + " REMOVE " + blank + " <http://example.org/city> \"Paris\" . *",
                "5:1 " + (t + 360_000) + " REMOVE <http://example.org/s> <http://example.org/n> \"5\"^^" + INT
                        + " <http://example.org/g> . *");

        try (NeptunedataClient client = server.sdkClient()) {
            for (Encoding encoding : Arrays.asList(null, Encoding.GZIP)) {
                GetSparqlStreamResponse page = client.getSparqlStream(r -> r.iteratorType(IteratorType.TRIM_HORIZON)
                        .limit(100L).encoding(encoding));
                assertThat(page.format()).isEqualTo("NQUADS");
                assertThat(sdkLines(page)).as("encoding " + encoding).isEqualTo(records);
            }
        }
    }

    @Test
    void formPostsAndRawBodiesFromAPlainHttpClient() {
        start();
        HttpResponse<String> inserted = form("update=" + encode(PREFIXES + FIRST));
        assertThat(inserted.statusCode()).as(inserted.body()).isEqualTo(200);
        assertThat(inserted.headers().firstValue("Content-Type")).hasValue("application/json; charset=UTF-8");
        assertThat(inserted.body()).isEqualTo("{\"commitNum\":1}");
        HttpResponse<String> again = server.send("POST", "/sparql", PREFIXES + FIRST, "application/sparql-update");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).as("nothing changed, no commitNum").isEqualTo("{}");
        HttpResponse<String> raw = server.send("POST", "/sparql", PREFIXES + "DELETE DATA { ex:s ex:p \"a\" }",
                "application/sparql-update; charset=UTF-8");
        assertThat(raw.body()).isEqualTo("{\"commitNum\":2}");

        String ask = PREFIXES + "ASK { ex:s ex:label ?l }";
        String askTrue = "{\"head\":{},\"boolean\":true}";
        for (HttpResponse<String> answer : List.of(form("query=" + encode(ask)),
                server.send("POST", "/sparql", ask, "application/sparql-query"),
                server.get("/sparql?query=" + encode(ask)),
                server.send("POST", "/sparql?query=" + encode(ask), null, null))) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .hasValue("application/sparql-results+json; charset=UTF-8");
            assertThat(TestServer.json(answer)).isEqualTo(json(askTrue));
        }
    }

    @Test
    void acceptChoosesTheResultFormat() {
        start();
        form("update=" + encode(PREFIXES + FIRST));
        String select = "/sparql?query=" + encode(PREFIXES + SELECT_S);

        HttpResponse<String> byDefault = accept(select, null);
        assertThat(byDefault.headers().firstValue("Content-Type"))
                .hasValue("application/sparql-results+json; charset=UTF-8");
        JsonNode expected = json("{\"head\":{\"vars\":[\"p\",\"o\"]},\"results\":{\"bindings\":["
                + "{\"p\":{\"type\":\"uri\",\"value\":\"http://example.org/label\"},"
                + "\"o\":{\"type\":\"literal\",\"xml:lang\":\"fr\",\"value\":\"chat\"}},"
                + "{\"p\":{\"type\":\"uri\",\"value\":\"http://example.org/n\"},"
                + "\"o\":{\"type\":\"literal\",\"datatype\":\"http://www.w3.org/2001/XMLSchema#int\",\"value\":\"5\"}},"
                + "{\"p\":{\"type\":\"uri\",\"value\":\"http://example.org/p\"},"
                + "\"o\":{\"type\":\"literal\",\"value\":\"a\"}}]}}");
        assertThat(TestServer.json(byDefault)).isEqualTo(expected);
        for (String fallback : List.of("*/*", "application/x-unknown", "text/html;q=0.9", "not a media type")) {
            HttpResponse<String> r = accept(select, fallback);
            assertThat(r.headers().firstValue("Content-Type")).as(fallback)
                    .hasValue("application/sparql-results+json; charset=UTF-8");
            assertThat(TestServer.json(r)).as(fallback).isEqualTo(expected);
        }

        assertThat(accept(select, "text/csv").body()).isEqualTo("p,o\r\n"
                + "http://example.org/label,chat\r\n"
                + "http://example.org/n,5\r\n"
                + "http://example.org/p,a\r\n");
        HttpResponse<String> tsv = accept(select, "text/tab-separated-values");
        assertThat(tsv.headers().firstValue("Content-Type")).hasValue("text/tab-separated-values; charset=UTF-8");
        assertThat(tsv.body()).isEqualTo("?p\t?o\n"
                + "<http://example.org/label>\t\"chat\"@fr\n"
                + "<http://example.org/n>\t\"5\"^^" + INT + "\n"
                + "<http://example.org/p>\t\"a\"\n");
        // q-values count: XML is preferred here over JSON.
        HttpResponse<String> xml = accept(select,
                "application/sparql-results+json;q=0.5, application/sparql-results+xml");
        assertThat(xml.headers().firstValue("Content-Type")).hasValue("application/sparql-results+xml; charset=UTF-8");
        ResultSet parsed = ResultSetMgr.read(new ByteArrayInputStream(xml.body().getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_XML);
        List<String> rows = new ArrayList<>();
        parsed.forEachRemaining((QuerySolution row) -> rows.add(nt(row, "p", "o")));
        assertThat(rows).containsExactly(SELECT_S_ROWS);

        String construct = "/sparql?query=" + encode(PREFIXES + "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }");
        String triples = "<http://example.org/s> <http://example.org/label> \"chat\"@fr .\n"
                + "<http://example.org/s> <http://example.org/n> \"5\"^^" + INT + " .\n"
                + "<http://example.org/s> <http://example.org/p> \"a\" .\n";
        HttpResponse<String> nquads = accept(construct, null);
        assertThat(nquads.headers().firstValue("Content-Type")).hasValue("application/n-quads; charset=UTF-8");
        assertThat(sortedLines(nquads.body())).isEqualTo(triples);
        HttpResponse<String> ntriples = accept(construct, "application/n-triples");
        assertThat(ntriples.headers().firstValue("Content-Type")).hasValue("application/n-triples; charset=UTF-8");
        assertThat(sortedLines(ntriples.body())).isEqualTo(triples);
        Graph expectedGraph = RDFParser.fromString(triples, Lang.NTRIPLES).toGraph();
        for (Lang lang : List.of(Lang.TURTLE, Lang.RDFXML, Lang.JSONLD)) {
            String type = lang.getContentType().getContentTypeStr();
            HttpResponse<String> r = accept(construct, type);
            assertThat(r.headers().firstValue("Content-Type")).hasValue(type + "; charset=UTF-8");
            assertThat(RDFParser.fromString(r.body(), lang).toGraph().isIsomorphicWith(expectedGraph))
                    .as(type).isTrue();
        }
    }

    @Test
    void aGraphRdfXmlCannotWriteIsABadRequestAndOtherFormatsStillWork() {
        start();
        // A predicate ending in a digit has no XML local name; one whose IRI has a bad scheme cannot be declared as
        // an XML namespace. SPARQL's grammar takes both.
        Map<String, String> messages = Map.of(
                "<http://example.org/fuzz/1>", "http://example.org/fuzz/1",
                "<\uFFFDttp://example.org/fuzz/p>", "<\uFFFDttp://example.org/fuzz/> Code: 0/ILLEGAL_CHARACTER in SCHEME:"
                        + " The character violates the grammar rules for URIs/IRIs.");
        for (String predicate : messages.keySet()) {
            form("update=" + encode("CLEAR ALL"));
            form("update=" + encode("INSERT DATA { <http://example.org/s> " + predicate + " \"o\" }"));
            String construct = "/sparql?query=" + encode("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }");
            HttpResponse<String> xml = server.send(HttpRequest.newBuilder(server.uri(construct))
                    .header("Accept", "application/rdf+xml").GET().build());
            assertError(xml, 400, "BadRequestException");
            assertThat(TestServer.json(xml).get("detailedMessage").asText()).as(predicate).isEqualTo(
                    "The result cannot be written as RDF/XML: " + messages.get(predicate)
                            + "; ask for another format, such as Turtle");
            for (Lang lang : List.of(Lang.TURTLE, Lang.NTRIPLES, Lang.JSONLD)) {
                accept(construct, lang.getContentType().getContentTypeStr());
            }
        }
    }

    @Test
    void badRequestsGetNeptunesErrorsAndWriteNothing() {
        start();
        form("update=" + encode(PREFIXES + FIRST));
        String stream = server.get("/sparql/stream?iteratorType=TRIM_HORIZON&limit=100").body();

        assertError(form("update=" + encode("INSERT DATA { <http://e/s> <http://e/p> ")), 400,
                "MalformedQueryException");
        assertError(server.send("POST", "/sparql", "INSERT DATA { <http://e/s> <http://e/p> \"o\" } ; DROP GRAPH",
                "application/sparql-update"), 400, "MalformedQueryException");
        assertError(server.get("/sparql?query=" + encode("SELECT WHERE")), 400, "MalformedQueryException");
        // ARQ's extensions are not SPARQL 1.1, so not Neptune's language either.
        assertError(server.get("/sparql?query=" + encode("SELECT * WHERE { ?s ?p ?o } LATERAL { }")), 400,
                "MalformedQueryException");

        assertThat(TestServer.json(server.get("/sparql")).get("detailedMessage").asText())
                .isEqualTo("Missing required parameters: [query] or [update]");
        assertError(server.get("/sparql"), 400, "MissingParameterException");
        assertError(form(""), 400, "MissingParameterException");
        assertError(form("query=" + encode("ASK {}") + "&update=" + encode("CLEAR ALL")), 400,
                "InvalidParameterException");
        assertError(server.get("/sparql?query=" + encode("ASK {}") + "&query=" + encode("ASK {}")), 400,
                "InvalidParameterException");
        assertError(server.send("POST", "/sparql?query=" + encode("ASK {}"), "ASK {}", "application/sparql-query"), 400,
                "InvalidParameterException");
        for (String parameter : List.of("default-graph-uri", "named-graph-uri")) {
            HttpResponse<String> r = server.get("/sparql?query=" + encode("ASK {}")
                    + "&" + parameter + "=http%3A%2F%2Fe%2Fg&" + parameter + "=http%3A%2F%2Fe%2Fh");
            assertError(r, 400, "UnsupportedOperationException");
            assertThat(TestServer.json(r).get("detailedMessage").asText()).startsWith("Parameter '" + parameter
                    + "' is not supported");
        }
        assertError(form("update=" + encode("CLEAR ALL") + "&using-graph-uri=http%3A%2F%2Fe%2Fg"), 400,
                "UnsupportedOperationException");

        HttpResponse<String> federated = server.get("/sparql?query="
                + encode("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"));
        assertError(federated, 400, "UnsupportedOperationException");
        assertThat(TestServer.json(federated).get("detailedMessage").asText())
                .isEqualTo("SERVICE (federated query) is not supported");

        HttpResponse<String> viaGet = server.get("/sparql?update=" + encode("CLEAR ALL"));
        assertError(viaGet, 405, "MethodNotAllowedException");
        assertThat(viaGet.headers().firstValue("Allow")).hasValue("POST");
        HttpResponse<String> put = server.send("PUT", "/sparql", "update=CLEAR+ALL", FORM);
        assertError(put, 405, "MethodNotAllowedException");
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, POST");

        // Jena reports the server's answer: status and Neptune's body.
        try (RDFConnection conn = RDFConnectionRemote.service(server.uri("/sparql").toString())
                .parseCheckSPARQL(false).build()) {
            assertThatThrownBy(() -> conn.update("CLEAR GRAPH"))
                    .isInstanceOfSatisfying(HttpException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(400);
                        assertThat(e.getResponse()).contains("\"code\":\"MalformedQueryException\"");
                    });
        }

        assertThat(server.sparql().lastCommit().orElseThrow().commitNum()).isEqualTo(1);
        assertThat(server.get("/sparql/stream?iteratorType=TRIM_HORIZON&limit=100").body()).isEqualTo(stream);
    }

    @Test
    void aQueryPastTheTimeoutStopsWithTimeLimitExceeded() {
        start(c -> c.withQueryTimeout(Duration.ofMillis(300)));
        StringBuilder data = new StringBuilder("INSERT DATA {");
        for (int i = 0; i < 100; i++) {
            data.append(" <http://e/s").append(i).append("> <http://e/p> ").append(i).append(" .");
        }
        assertThat(form("update=" + encode(data.append(" }").toString())).body()).isEqualTo("{\"commitNum\":1}");
        // 100^5 rows to count: far past the timeout.
        String heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h . ?i ?t ?j }";
        long started = System.nanoTime();
        HttpResponse<String> r = server.get("/sparql?query=" + encode(heavy));
        assertError(r, 500, "TimeLimitExceededException");
        assertThat(TestServer.json(r).get("detailedMessage").asText())
                .isEqualTo("Operation terminated (deadline exceeded)");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        // The worker is free and the store still answers.
        assertThat(TestServer.json(server.get("/sparql?query=" + encode("ASK { <http://e/s7> ?p 7 }"))))
                .isEqualTo(json("{\"head\":{},\"boolean\":true}"));
    }

    @Test
    void fastResetEmptiesTheStoreAndTheStream() {
        start();
        form("update=" + encode(PREFIXES + FIRST));
        String token = SystemAndStatusIT.initiate(server, "application/json", "{\"action\":\"initiateDatabaseReset\"}");
        assertThat(SystemAndStatusIT.perform(server, token).statusCode()).isEqualTo(200);

        String all = "/sparql?query=" + encode("SELECT * WHERE { ?s ?p ?o }");
        assertThat(TestServer.json(server.get(all)).get("results").get("bindings")).isEmpty();
        assertError(server.get("/sparql/stream?iteratorType=TRIM_HORIZON"), 404, "StreamRecordsNotFoundException");
        assertThat(form("update=" + encode(PREFIXES + FIRST)).body()).as("numbering restarts")
                .isEqualTo("{\"commitNum\":1}");
        assertThat(TestServer.json(server.get(all)).get("results").get("bindings")).hasSize(3);
    }

    @Test
    void aRestartReplaysTheLogIntoTheStore() {
        start();
        form("update=" + encode(PREFIXES + FIRST));
        form("update=" + encode(PREFIXES + "INSERT DATA { ex:s ex:addr _:a . _:a ex:city \"Paris\" }"));
        String all = "/sparql?query="
                + encode("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g ?s ?p ?o");
        JsonNode before = TestServer.json(server.get(all));
        assertThat(before.get("results").get("bindings")).hasSize(5);
        assertThat(server.send("POST", "/system", "action=snapshot", FORM).body())
                .isEqualTo("{\"status\":\"200 OK\",\"payload\":{\"commitNum\":0,\"sparqlCommitNum\":2}}");
        assertThat(server.sparql().snapshotCommitNum()).hasValue(2);
        server.close();
        // Snapshots on demand and at a clean stop: the restart loads one instead of replaying the log.
        try (var files = java.nio.file.Files.list(dir.resolve("sparql").resolve("snapshots"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("snapshot-00000000000000000002.rdfs");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        start();
        assertThat(server.server.rdf().startupReport().snapshotCommitNum()).isEqualTo(2);
        assertThat(server.server.rdf().startupReport().replayedCommits()).isZero();
        assertThat(TestServer.json(server.get(all))).isEqualTo(before);
        // The blank node is the one the stream named: deleting it through the data removes those quads.
        assertThat(form("update=" + encode(PREFIXES + "DELETE WHERE { ex:s ex:addr ?a . ?a ?q ?o }")).body())
                .isEqualTo("{\"commitNum\":3}");
        List<String> removed = streamLines(TestServer.json(server.get("/sparql/stream?commitNum=3&limit=2")));
        List<String> added = streamLines(TestServer.json(server.get("/sparql/stream?commitNum=2&limit=2")));
        assertThat(removed).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(removed.get(i).substring(removed.get(i).indexOf("REMOVE ") + 7))
                    .isEqualTo(added.get(i).substring(added.get(i).indexOf("ADD ") + 4));
        }
    }

    @Test
    void loadReadsAFileFromTheLoadDirectoryIntoTheStream() throws Exception {
        Path loads = java.nio.file.Files.createDirectories(dir.resolve("loads"));
        Path file = java.nio.file.Files.writeString(loads.resolve("cities.nt"),
                "<http://example.org/paris> <http://example.org/name> \"Paris\"@fr .\n"
                        + "<http://example.org/lyon> <http://example.org/name> \"Lyon\" .\n");
        start(c -> c.withSparqlLoadDirectory(loads));
        try (RDFConnection conn = connect()) {
            conn.update("LOAD <" + file.toUri() + "> INTO GRAPH <http://example.org/cities>");
            assertThat(conn.queryAsk("ASK { GRAPH <http://example.org/cities> { ?s ?p \"Lyon\" } }")).isTrue();
            assertThatThrownBy(() -> conn.update("LOAD <" + dir.resolve("elsewhere.nt").toUri() + ">"))
                    .isInstanceOfSatisfying(HttpException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(400);
                        assertThat(e.getResponse()).contains("\"code\":\"BadRequestException\"");
                    });
        }
        long t = server.clock.millis();
        assertThat(streamLines(TestServer.json(server.get("/sparql/stream?commitNum=1&limit=10")))).containsExactly(
                "1:1 " + t + " ADD <http://example.org/paris> <http://example.org/name> \"Paris\"@fr <http://example.org/cities> .",
                "1:2 " + t + " ADD <http://example.org/lyon> <http://example.org/name> \"Lyon\" <http://example.org/cities> . *");
        assertThat(server.sparql().lastCommit().orElseThrow().commitNum()).isEqualTo(1);
    }

    // --- helpers

    private HttpResponse<String> form(String body) {
        return server.send("POST", "/sparql", body, FORM);
    }

    private HttpResponse<String> accept(String pathAndQuery, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(pathAndQuery)).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        HttpResponse<String> r = server.send(b.build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    static void assertError(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue(code);
        JsonNode body = TestServer.json(r);
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("requestId").asText()).isEqualTo(r.headers().firstValue("x-amzn-RequestId").orElseThrow());
        assertThat(body.get("detailedMessage").asText()).isNotBlank();
    }

    /** A page's records as {@code commitNum:opNum commitTimestamp OP stmt}, no LF, {@code *} on the last op. */
    static List<String> streamLines(JsonNode page) {
        List<String> lines = new ArrayList<>();
        for (JsonNode record : page.get("records")) {
            JsonNode id = record.get("eventId");
            String stmt = record.get("data").get("stmt").asText();
            lines.add(id.get("commitNum").asLong() + ":" + id.get("opNum").asLong() + " "
                    + record.get("commitTimestamp").asLong() + " " + record.get("op").asText() + " "
                    + stmt.substring(0, stmt.length() - 1) + (record.has("isLastOp") ? " *" : ""));
        }
        return lines;
    }

    static List<String> sdkLines(GetSparqlStreamResponse page) {
        return page.records().stream().map(record -> {
            String stmt = record.data().stmt();
            return record.eventId().get("commitNum") + ":" + record.eventId().get("opNum") + " "
                    + record.commitTimestampInMillis() + " " + record.op() + " "
                    + stmt.substring(0, stmt.length() - 1) + (Boolean.TRUE.equals(record.isLastOp()) ? " *" : "");
        }).toList();
    }

    /** A row's values in N-Triples syntax, separated by spaces. */
    static String nt(QuerySolution row, String... vars) {
        return Arrays.stream(vars).map(v -> NodeFmtLib.strNT(row.get(v).asNode()))
                .reduce((a, b) -> a + " " + b).orElse("");
    }

    static String sortedLines(String text) {
        return text.lines().sorted().map(l -> l + "\n").reduce("", String::concat);
    }

    static Graph turtle(String text) {
        return RDFParser.fromString(text, Lang.TURTLE).toGraph();
    }

    static JsonNode json(String text) {
        try {
            return TestServer.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
