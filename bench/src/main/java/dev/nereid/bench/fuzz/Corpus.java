package dev.nereid.bench.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Valid requests over every HTTP endpoint, in each of the shapes clients send them: Gremlin as a JSON or
 * form POST and as {@code ?gremlin=} on {@code /gremlin} and {@code /}; openCypher on both paths, with
 * parameters as an object or a string; SPARQL queries and updates as GET, form and direct bodies; stream
 * reads on every path with every iterator type at positions that exist; {@code /status}; and the
 * {@code /system} actions that change no data. Never a database reset: the run does that once, itself.
 */
public final class Corpus {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String[] STREAMS = {"/propertygraph/stream", "/pg/stream", "/gremlin/stream", "/sparql/stream"};
    private static final String[] ITERATORS = {"AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER", "TRIM_HORIZON", "LATEST"};
    private static final String[] RESULT_TYPES = {"application/sparql-results+json", "application/sparql-results+xml",
        "text/csv", "text/tab-separated-values", "*/*"};
    private static final String[] GRAPH_TYPES = {"application/n-quads", "application/n-triples", "text/turtle",
        "application/ld+json", "application/rdf+xml", "application/trig"};

    private final IdPool ids;
    private final Supplier<LogMarks> marks;

    /** @param marks the logs' current ends, so stream reads ask for positions that exist */
    public Corpus(IdPool ids, Supplier<LogMarks> marks) {
        this.ids = ids;
        this.marks = marks;
    }

    public HttpCall next(Random r) {
        int pick = r.nextInt(100);
        if (pick < 22) {
            return gremlin(r);
        } else if (pick < 40) {
            return cypher(r);
        } else if (pick < 62) {
            return r.nextInt(5) < 2 ? sparqlUpdate(r) : sparqlQuery(r);
        } else if (pick < 87) {
            return stream(r);
        } else if (pick < 92) {
            return HttpCall.get("/status", "/status", false);
        }
        return system(r);
    }

    public HttpCall gremlin(Random r) {
        GremlinCorpus.Script s = GremlinCorpus.any(r, ids);
        return switch (r.nextInt(5)) {
            case 0 -> HttpCall.post("/gremlin", "application/json", json(Map.of("gremlin", s.text())), "/gremlin",
                    s.writes());
            case 1 -> HttpCall.post("/gremlin", r.nextBoolean() ? "application/x-www-form-urlencoded" : null,
                    "gremlin=" + enc(s.text()), "/gremlin", s.writes());
            case 2 -> HttpCall.post("/gremlin", "application/x-www-form-urlencoded",
                    json(Map.of("gremlin", s.text())), "/gremlin", s.writes());
            case 3 -> HttpCall.get("/gremlin?gremlin=" + enc(s.text()), "/gremlin", s.writes());
            default -> HttpCall.get("/?gremlin=" + enc(s.text()), "/?gremlin=", s.writes());
        };
    }

    public HttpCall cypher(Random r) {
        CypherCorpus.Statement s = CypherCorpus.any(r, ids);
        String path = r.nextBoolean() ? "/openCypher" : "/opencypher";
        String parameters = json(s.parameters());
        boolean none = s.parameters().isEmpty() && r.nextBoolean();
        return switch (r.nextInt(4)) {
            case 0 -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("query", s.query());
                if (!none) {
                    body.put("parameters", s.parameters());
                }
                yield HttpCall.post(path, "application/json", json(body), path, s.writes());
            }
            case 1 -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("query", s.query());
                if (!none) {
                    body.put("parameters", parameters);
                }
                yield HttpCall.post(path, "application/json", json(body), path, s.writes());
            }
            case 2 -> HttpCall.post(path, "application/x-www-form-urlencoded", "query=" + enc(s.query())
                    + (none ? "" : "&parameters=" + enc(parameters)), path, s.writes());
            default -> HttpCall.get(path + "?query=" + enc(s.query()) + (none ? "" : "&parameters=" + enc(parameters)),
                    path, s.writes());
        };
    }

    public HttpCall sparqlQuery(Random r) {
        SparqlCorpus.Query q = SparqlCorpus.query(r);
        String[] types = q.graph() ? GRAPH_TYPES : RESULT_TYPES;
        Header accept = new Header("Accept", types[r.nextInt(types.length)]);
        HttpCall call = switch (r.nextInt(3)) {
            case 0 -> HttpCall.get("/sparql?query=" + enc(q.text()), "/sparql", false);
            case 1 -> HttpCall.post("/sparql", "application/x-www-form-urlencoded", "query=" + enc(q.text()),
                    "/sparql", false);
            default -> HttpCall.post("/sparql", "application/sparql-query", q.text(), "/sparql", false);
        };
        return r.nextInt(4) == 0 ? call : call.plusHeader(accept.name(), accept.value());
    }

    public HttpCall sparqlUpdate(Random r) {
        String u = SparqlCorpus.update(r);
        return switch (r.nextInt(3)) {
            case 0 -> HttpCall.post("/sparql", "application/x-www-form-urlencoded", "update=" + enc(u), "/sparql", true);
            case 1 -> HttpCall.post("/sparql", "application/sparql-update", u, "/sparql", true);
            default -> HttpCall.post("/sparql?update=" + enc(u), null, "", "/sparql", true);
        };
    }

    public HttpCall stream(Random r) {
        String path = STREAMS[r.nextInt(STREAMS.length)];
        LogMarks now = marks.get();
        long last = path.startsWith("/sparql") ? now.sparql() : now.propertyGraph();
        StringBuilder q = new StringBuilder();
        String iterator = ITERATORS[r.nextInt(ITERATORS.length)];
        boolean positioned = iterator.startsWith("A");
        if (positioned || r.nextInt(4) == 0) {
            q.append("&commitNum=").append(last == 0 ? 0 : 1 + (long) (r.nextDouble() * last));
            if (r.nextBoolean()) {
                q.append("&opNum=").append(r.nextInt(3));
            }
        }
        if (!iterator.equals("AT_SEQUENCE_NUMBER") || r.nextBoolean()) {
            q.append("&iteratorType=").append(iterator);
        }
        if (r.nextBoolean()) {
            q.append("&limit=").append(r.nextInt(4) == 0 ? 100_000 : 1 + r.nextInt(50));
        }
        String target = (r.nextBoolean() ? path + "/" : path) + (q.length() == 0 ? "" : "?" + q.substring(1));
        String label = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        return r.nextInt(3) == 0 ? HttpCall.get(target, label, false, new Header("Accept-Encoding", "gzip"))
                : HttpCall.get(target, label, false);
    }

    public HttpCall system(Random r) {
        String action = r.nextInt(4) == 0 ? "initiateDatabaseReset" : "snapshot";
        return r.nextBoolean()
                ? HttpCall.post("/system", "application/json", json(Map.of("action", action)), "/system", false)
                : HttpCall.post("/system", "application/x-www-form-urlencoded", "action=" + action, "/system", false);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
