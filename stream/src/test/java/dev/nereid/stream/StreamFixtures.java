package dev.nereid.stream;

import static dev.nereid.stream.Op.ADD;
import static dev.nereid.stream.Op.REMOVE;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The worked examples of spec §5.5 and §6.3 as stream contents, and small helpers around them. */
final class StreamFixtures {
    static final String R1 = "0f8fad5b-d9cb-469f-a165-70867728950e";
    static final long PG_T1 = 1767225600000L;
    static final long RDF_T1 = 1767229200000L;
    static final String EX = "http://example.org/";
    static final String XSD_INT = "<http://www.w3.org/2001/XMLSchema#int>";

    private StreamFixtures() {
    }

    /** Spec §5.5: commits 1..6, 38 events, one minute apart. */
    static InMemoryStreamView pgStream() {
        InMemoryStreamView view = new InMemoryStreamView();
        view.commit(PG_T1, List.of(
                pg(ADD, PgData.vertexLabel("v1", "person")),
                pg(ADD, PgData.vertexLabel("v1", "employee")),
                pg(ADD, PgData.vertexLabel("v2", "person")),
                pg(ADD, PgData.vertexProperty("v1", "name", str("marko"))),
                pg(ADD, PgData.vertexProperty("v1", "age", new PgValue.IntValue(29))),
                pg(ADD, PgData.vertexProperty("v2", "name", str("vadas"))),
                pg(ADD, PgData.edge("e1", "knows", "v1", "v2")),
                pg(ADD, PgData.edgeProperty("e1", "weight", new PgValue.DoubleValue(0.5)))));
        view.commit(PG_T1 + 60_000, List.of(
                pg(REMOVE, PgData.vertexProperty("v1", "age", new PgValue.IntValue(29))),
                pg(ADD, PgData.vertexProperty("v1", "age", new PgValue.IntValue(30))),
                pg(ADD, PgData.vertexProperty("v1", "lang", str("en"))),
                pg(ADD, PgData.vertexProperty("v1", "lang", str("fr")))));
        view.commit(PG_T1 + 120_000, List.of(
                pg(REMOVE, PgData.edgeProperty("e1", "weight", new PgValue.DoubleValue(0.5))),
                pg(REMOVE, PgData.edge("e1", "knows", "v1", "v2")),
                pg(REMOVE, PgData.vertexProperty("v1", "name", str("marko"))),
                pg(REMOVE, PgData.vertexProperty("v1", "age", new PgValue.IntValue(30))),
                pg(REMOVE, PgData.vertexProperty("v1", "lang", str("en"))),
                pg(REMOVE, PgData.vertexProperty("v1", "lang", str("fr"))),
                pg(REMOVE, PgData.vertexLabel("v1", "person")),
                pg(REMOVE, PgData.vertexLabel("v1", "employee"))));
        view.commit(PG_T1 + 180_000, List.of(
                pg(ADD, PgData.vertexLabel("p1", "Person")),
                pg(ADD, PgData.vertexLabel("p1", "Admin")),
                pg(ADD, PgData.vertexLabel("p2", "Person")),
                pg(ADD, PgData.vertexProperty("p1", "name", str("ann"))),
                pg(ADD, PgData.vertexProperty("p1", "age", new PgValue.LongValue(40))),
                pg(ADD, PgData.vertexProperty("p2", "name", str("bob"))),
                pg(ADD, PgData.edge(R1, "MANAGES", "p1", "p2")),
                pg(ADD, PgData.edgeProperty(R1, "since", new PgValue.LongValue(2020)))));
        view.commit(PG_T1 + 240_000, List.of(
                pg(REMOVE, PgData.vertexProperty("p1", "age", new PgValue.LongValue(40))),
                pg(REMOVE, PgData.vertexLabel("p1", "Admin")),
                pg(ADD, PgData.vertexLabel("p1", "Manager")),
                pg(ADD, PgData.vertexProperty("p1", "age", new PgValue.LongValue(41)))));
        view.commit(PG_T1 + 300_000, List.of(
                pg(REMOVE, PgData.edgeProperty(R1, "since", new PgValue.LongValue(2020))),
                pg(REMOVE, PgData.edge(R1, "MANAGES", "p1", "p2")),
                pg(REMOVE, PgData.vertexProperty("p1", "name", str("ann"))),
                pg(REMOVE, PgData.vertexProperty("p1", "age", new PgValue.LongValue(41))),
                pg(REMOVE, PgData.vertexLabel("p1", "Person")),
                pg(REMOVE, PgData.vertexLabel("p1", "Manager"))));
        return view;
    }

    /** Commit sizes of {@link #pgStream()}. */
    static final int[] PG_COMMIT_SIZES = {8, 4, 8, 8, 4, 6};

    /** Spec §6.3: commits 1..5, one minute apart. */
    static InMemoryStreamView rdfStream() {
        String s = iri("s");
        InMemoryStreamView view = new InMemoryStreamView();
        view.commit(RDF_T1, List.of(
                rdf(ADD, s + " " + iri("p") + " \"a\" .\n"),
                rdf(ADD, s + " " + iri("label") + " \"chat\"@fr .\n"),
                rdf(ADD, s + " " + iri("n") + " \"5\"^^" + XSD_INT + " " + iri("g") + " .\n")));
        view.commit(RDF_T1 + 60_000, List.of(
                rdf(REMOVE, s + " " + iri("p") + " \"a\" .\n"),
                rdf(ADD, s + " " + iri("p") + " \"b\" .\n")));
        view.commit(RDF_T1 + 120_000, List.of(
                rdf(ADD, s + " " + iri("addr") + " _:b3 .\n"),
                rdf(ADD, "_:b3 " + iri("city") + " \"Paris\" .\n")));
        view.commit(RDF_T1 + 180_000, List.of(
                rdf(REMOVE, s + " " + iri("addr") + " _:b3 .\n"),
                rdf(REMOVE, "_:b3 " + iri("city") + " \"Paris\" .\n")));
        view.commit(RDF_T1 + 240_000, List.of(
                rdf(REMOVE, s + " " + iri("n") + " \"5\"^^" + XSD_INT + " " + iri("g") + " .\n")));
        return view;
    }

    static String iri(String local) {
        return "<" + EX + local + ">";
    }

    static PgValue str(String s) {
        return new PgValue.StringValue(s);
    }

    static byte[] pg(Op op, PgData data) {
        return RecordCodec.encode(op, data.toJson());
    }

    static byte[] rdf(Op op, String stmt) {
        return RecordCodec.encode(op, new RdfData(stmt).toJson());
    }

    /** Decodes a query string the way Netty's QueryStringDecoder does: names in first-seen order. */
    static Map<String, List<String>> query(String queryString) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (queryString.isEmpty()) {
            return params;
        }
        for (String part : queryString.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = decode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? "" : decode(part.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    static StreamRequest request(String queryString) {
        return StreamRequest.parse(query(queryString));
    }

    static String body(RenderedPage page) {
        return new String(page.bytes(), page.offset(), page.length(), StandardCharsets.UTF_8);
    }

    /** A spec example with the line breaks and indentation it adds for readability removed. */
    static String unwrap(String example) {
        StringBuilder sb = new StringBuilder();
        example.lines().forEach(line -> sb.append(line.strip()));
        return sb.toString();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
