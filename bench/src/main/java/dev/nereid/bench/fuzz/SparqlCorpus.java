package dev.nereid.bench.fuzz;

import java.util.Random;

/** Valid SPARQL queries and updates over a few subjects, predicates and graphs, so updates collide. */
public final class SparqlCorpus {
    public static final String PREFIX = "PREFIX ex: <http://example.org/fuzz/>\n";

    private SparqlCorpus() {
    }

    /** A query and the Accept values that suit its form (SELECT and ASK, or CONSTRUCT and DESCRIBE). */
    public record Query(String text, boolean graph) {
    }

    public static Query query(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> new Query(PREFIX + "SELECT (COUNT(*) AS ?c) WHERE { ?s ?p ?o }", false);
            case 1 -> new Query(PREFIX + "SELECT ?s ?o WHERE { ?s ex:p" + r.nextInt(3) + " ?o } LIMIT 5", false);
            case 2 -> new Query(PREFIX + "ASK { ex:s" + r.nextInt(5) + " ?p ?o }", false);
            case 3 -> new Query(PREFIX + "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5", true);
            case 4 -> new Query(PREFIX + "SELECT ?g (COUNT(*) AS ?c) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                    false);
            case 5 -> new Query(PREFIX + "DESCRIBE ex:s" + r.nextInt(5), true);
            case 6 -> new Query(PREFIX + "SELECT * WHERE { ?s ?p ?o FILTER(isLiteral(?o)) } ORDER BY ?s LIMIT 3",
                    false);
            default -> new Query(PREFIX + "SELECT ?o WHERE { OPTIONAL { ex:s1 ex:p1 ?o } } LIMIT 1", false);
        };
    }

    public static String update(Random r) {
        String s = "ex:s" + r.nextInt(5);
        String p = "ex:p" + r.nextInt(3);
        String g = "ex:g" + r.nextInt(3);
        return PREFIX + switch (r.nextInt(8)) {
            case 0, 1 -> "INSERT DATA { " + s + " " + p + " \"v" + r.nextInt(5) + "\" . " + s + " ex:n "
                    + r.nextInt(10) + " }";
            case 2 -> "INSERT DATA { GRAPH " + g + " { " + s + " " + p + " \"w" + r.nextInt(3) + "\"@en } }";
            case 3 -> "DELETE DATA { " + s + " " + p + " \"v" + r.nextInt(5) + "\" }";
            case 4 -> "DELETE DATA { GRAPH " + g + " { " + s + " " + p + " \"w" + r.nextInt(3) + "\"@en } }";
            case 5 -> "CLEAR SILENT GRAPH " + g;
            case 6 -> "DELETE { ?s ex:p1 ?o } INSERT { ?s ex:p2 ?o } WHERE { ?s ex:p1 ?o }";
            default -> "INSERT DATA { " + s + " ex:n " + r.nextInt(10) + " } ;\nDELETE DATA { " + s + " ex:n "
                    + r.nextInt(10) + " }";
        };
    }
}
