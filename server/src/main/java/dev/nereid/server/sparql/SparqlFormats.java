package dev.nereid.server.sparql;

import java.util.List;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;

/**
 * The formats a query answers in, chosen by {@code Accept} with Jena's content negotiation (q-values,
 * wildcards). The first of each list is the default (spec §9): SPARQL results JSON for SELECT and ASK,
 * N-Quads for CONSTRUCT and DESCRIBE. An {@code Accept} that names nothing offered — or cannot be read —
 * gets the default rather than a 406: Neptune documents no 406, and a client that sends an odd
 * {@code Accept} is better served by the default format it can still recognise by Content-Type.
 */
final class SparqlFormats {
    static final SparqlFormats RESULTS = new SparqlFormats(List.of(
            ResultSetLang.RS_JSON, ResultSetLang.RS_XML, ResultSetLang.RS_CSV, ResultSetLang.RS_TSV));
    static final SparqlFormats GRAPHS = new SparqlFormats(List.of(
            Lang.NQUADS, Lang.NTRIPLES, Lang.TURTLE, Lang.RDFXML, Lang.JSONLD, Lang.TRIG));

    private final List<Lang> langs;
    private final AcceptList offered;

    private SparqlFormats(List<Lang> langs) {
        this.langs = langs;
        // Each language under every name Jena knows it by, e.g. text/plain for N-Triples.
        this.offered = AcceptList.create(langs.stream()
                .flatMap(lang -> lang.getAltContentTypes().stream())
                .distinct()
                .toArray(String[]::new));
    }

    Lang forAccept(String accept) {
        if (accept == null || accept.isBlank()) {
            return langs.get(0);
        }
        MediaType chosen;
        try {
            chosen = AcceptList.match(new AcceptList(accept), offered);
        } catch (RuntimeException unreadable) {
            return langs.get(0);
        }
        if (chosen == null) {
            return langs.get(0);
        }
        String type = chosen.getContentTypeStr();
        return langs.stream()
                .filter(lang -> lang.getAltContentTypes().contains(type))
                .findFirst()
                .orElse(langs.get(0));
    }

    /** The Content-Type of an answer in {@code lang}: its registered media type, always UTF-8. */
    static String contentType(Lang lang) {
        return lang.getContentType().getContentTypeStr() + "; charset=UTF-8";
    }
}
