package dev.nereid.bench.sparql;

/**
 * The benchmark's updates as SPARQL text. Every small update names a subject no other update names, so
 * each one really adds triples: on Nereid it must take a commitNum of its own, and none can be a no-op
 * that a server answers without writing.
 */
final class InsertData {
    /** Triples each {@link #small} update inserts. */
    static final int TRIPLES_PER_UPDATE = 2;

    /**
     * Counts the triples a server holds. Updates without {@code GRAPH} go to Fuseki's default graph and to
     * Nereid's DefaultNamedGraph; a pattern without {@code GRAPH} matches both (on Nereid, the union of its graphs).
     */
    static final String COUNT_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";

    private static final String PREFIX = "PREFIX : <http://example.org/bench/>\n";
    private static final int PREDICATES_PER_SUBJECT = 10;

    private InsertData() {
    }

    /** The n-th small update: a new subject with a name and a number, two triples. */
    static String small(long n) {
        return PREFIX + "INSERT DATA { :u" + n + " :name \"update " + n + "\" ; :seq " + n + " . }";
    }

    /**
     * One update inserting {@code triples} distinct triples, ten per subject, one per line. Terms are short
     * prefixed names, so a million triples take about 25 MB, well under a request body's 64 MiB limit.
     */
    static String bulk(int triples) {
        StringBuilder text = new StringBuilder(triples * 26 + 64).append(PREFIX).append("INSERT DATA {\n");
        for (int i = 0; i < triples; i++) {
            int subject = i / PREDICATES_PER_SUBJECT;
            text.append(":b").append(subject).append(" :p").append(i % PREDICATES_PER_SUBJECT)
                    .append(" \"").append(subject).append("\" .\n");
        }
        return text.append("}\n").toString();
    }
}
