package dev.nereid.rdf;

import java.util.Locale;
import java.util.Objects;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.TextDirection;
import org.apache.jena.sparql.core.Quad;

/**
 * The {@code stmt} string of an RDF stream record (spec §6.1) and its inverse for replay.
 *
 * <p>Format rules, which {@link #of} follows to the character and {@link #parse} reverses:
 * <pre>
 *   line      = subject SP predicate SP object [SP graph] " ." LF
 *               graph omitted for DefaultNamedGraph (and Jena's default-graph markers)
 *   IRI       = "&lt;" iri "&gt;"; U+0000..U+0020 and &lt; &gt; " { } | ^ ` \ written as backslash-u
 *               with 4 UPPERCASE hex digits (all of them are below U+0080, so the 8-digit
 *               backslash-U form is never needed); everything else raw
 *   blank     = "_:b" label, label in [A-Za-z0-9]+ (the store's own id, so REMOVE names what ADD named)
 *   literal   = '"' lex '"'                      xsd:string (and simple) literals
 *             | '"' lex '"@' tag ["--" dir]      tag ASCII-lowercased, dir ltr|rtl as stored
 *             | '"' lex '"^^' IRI                any other datatype, full IRI, never a prefix
 *   lex       = the stored lexical form, never canonicalised ("05"^^xsd:int stays 05), with
 *               " \ LF CR TAB BS FF as \" \\ \n \r \t \b \f; other U+0000..U+001F and U+007F as
 *               backslash-u00XX (UPPERCASE hex); everything else raw (UTF-8 once in the JSON)
 * </pre>
 * Unpaired surrogates are refused rather than written: they are not Unicode characters, have no
 * UTF-8 form, and no N-Quads reader (RDF4J in Data Prepper, the poller) would take the line.
 */
final class NQuadsLine {

    /** Where Nereid stores default-graph quads, as Neptune does (spec §6.1). */
    static final Node DEFAULT_GRAPH =
            NodeFactory.createURI("http://aws.amazon.com/neptune/vocab/v01/DefaultNamedGraph");

    static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
    static final String RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
    static final String RDF_DIR_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString";

    static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** ASCII characters IRIREF does not allow raw. */
    static final boolean[] IRI_ESCAPED = new boolean[128];

    /** How each ASCII character is written inside a literal; null means raw. */
    private static final String[] LEX_ESCAPE = new String[128];

    static {
        for (int c = 0; c <= 0x20; c++) {
            IRI_ESCAPED[c] = true;
        }
        for (char c : "<>\"{}|^`\\".toCharArray()) {
            IRI_ESCAPED[c] = true;
        }
        for (int c = 0; c < 0x20; c++) {
            LEX_ESCAPE[c] = uchar4(c);
        }
        LEX_ESCAPE[0x7F] = uchar4(0x7F);
        LEX_ESCAPE['"'] = "\\\"";
        LEX_ESCAPE['\\'] = "\\\\";
        LEX_ESCAPE['\n'] = "\\n";
        LEX_ESCAPE['\r'] = "\\r";
        LEX_ESCAPE['\t'] = "\\t";
        LEX_ESCAPE['\b'] = "\\b";
        LEX_ESCAPE['\f'] = "\\f";
    }

    private NQuadsLine() {
    }

    /** True for the blank node labels the stream can carry: {@code [A-Za-z0-9]+}. */
    static boolean isStorableBlankLabel(String label) {
        if (label == null || label.isEmpty()) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            if (!isAsciiAlnum(label.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The {@code stmt} string of one quad, ending in {@code " .\n"}.
     *
     * @throws IllegalArgumentException if a term cannot be written in its position (variables,
     *         triple terms, a literal subject, a blank graph, a non-storable blank label, a bad
     *         language tag, an unpaired surrogate)
     */
    static String of(Quad quad) {
        Objects.requireNonNull(quad, "quad");
        StringBuilder out = new StringBuilder(128);
        Node subject = quad.getSubject();
        if (subject.isURI()) {
            appendIri(out, subject.getURI());
        } else if (subject.isBlank()) {
            appendBlank(out, subject);
        } else {
            throw new IllegalArgumentException("subject must be an IRI or a blank node: " + subject);
        }
        out.append(' ');
        Node predicate = quad.getPredicate();
        if (!predicate.isURI()) {
            throw new IllegalArgumentException("predicate must be an IRI: " + predicate);
        }
        appendIri(out, predicate.getURI());
        out.append(' ');
        Node object = quad.getObject();
        if (object.isURI()) {
            appendIri(out, object.getURI());
        } else if (object.isBlank()) {
            appendBlank(out, object);
        } else if (object.isLiteral()) {
            appendLiteral(out, object);
        } else {
            throw new IllegalArgumentException("object must be an IRI, a blank node or a literal: " + object);
        }
        Node graph = quad.getGraph();
        if (graph == null) {
            // Jena's triple-in-quad form: a stored quad always knows its graph, so one without is a bug upstream.
            throw new IllegalArgumentException("quad has no graph: " + quad);
        }
        if (!isDefaultGraph(graph)) {
            if (!graph.isURI() || isPseudoGraph(graph)) {
                throw new IllegalArgumentException("graph must be the IRI of a stored graph: " + graph);
            }
            out.append(' ');
            appendIri(out, graph.getURI());
        }
        return out.append(" .\n").toString();
    }

    /**
     * Reads back a line written by {@link #of}: {@code parse(of(q)).equals(q)}. Also takes other
     * whitespace between terms, lowercase hex, escapes {@code of} would not write, and a missing
     * final LF; it refuses what {@code of} can never produce (blank graphs, other blank labels).
     * Triples land in {@link #DEFAULT_GRAPH}; lexical forms are kept as written.
     *
     * @throws IllegalArgumentException naming the problem and its offset
     */
    static Quad parse(String stmt) {
        Objects.requireNonNull(stmt, "stmt");
        return new NQuadsLineReader(stmt).statement();
    }

    static boolean isDefaultGraph(Node graph) {
        return DEFAULT_GRAPH.equals(graph) || Quad.isDefaultGraph(graph);
    }

    /** Jena's union graph is a query-time view, never where a quad is stored. */
    static boolean isPseudoGraph(Node graph) {
        return Quad.isUnionGraph(graph);
    }

    // ---- writing

    private static void appendIri(StringBuilder out, String iri) {
        out.append('<');
        int run = 0;
        int n = iri.length();
        for (int i = 0; i < n; i++) {
            char c = iri.charAt(i);
            if (c < 128) {
                if (IRI_ESCAPED[c]) {
                    out.append(iri, run, i).append(uchar4(c));
                    run = i + 1;
                }
            } else if (Character.isSurrogate(c)) {
                i = checkPair(iri, i, "IRI");
            }
        }
        out.append(iri, run, n).append('>');
    }

    private static void appendBlank(StringBuilder out, Node blank) {
        String label = blank.getBlankNodeLabel();
        if (!isStorableBlankLabel(label)) {
            // Jena's own fresh labels are UUIDs with dashes: the store must assign its own.
            throw new IllegalArgumentException("blank node label must match [A-Za-z0-9]+: " + label);
        }
        out.append("_:b").append(label);
    }

    private static void appendLiteral(StringBuilder out, Node literal) {
        out.append('"');
        appendLex(out, literal.getLiteralLexicalForm());
        out.append('"');
        // Jena 5 gives lang-tagged literals the datatype rdf:langString / rdf:dirLangString; the tag decides.
        String lang = literal.getLiteralLanguage();
        if (lang != null && !lang.isEmpty()) {
            appendLang(out, lang);
            TextDirection dir = literal.getLiteralBaseDirection();
            if (dir != null) {
                out.append("--").append(dir.direction());
            }
            return;
        }
        String datatype = literal.getLiteralDatatypeURI();
        if (datatype == null || datatype.equals(XSD_STRING)) {
            return;
        }
        if (datatype.equals(RDF_LANG_STRING) || datatype.equals(RDF_DIR_LANG_STRING)) {
            throw new IllegalArgumentException("literal of datatype " + datatype + " has no language tag");
        }
        out.append("^^");
        appendIri(out, datatype);
    }

    private static void appendLex(StringBuilder out, String lex) {
        int run = 0;
        int n = lex.length();
        for (int i = 0; i < n; i++) {
            char c = lex.charAt(i);
            if (c < 128) {
                String escape = LEX_ESCAPE[c];
                if (escape != null) {
                    out.append(lex, run, i).append(escape);
                    run = i + 1;
                }
            } else if (Character.isSurrogate(c)) {
                i = checkPair(lex, i, "literal");
            }
        }
        out.append(lex, run, n);
    }

    /** Checks the LANGTAG grammar so every written line parses; Jena stores tags case-formatted (en-US). */
    private static void appendLang(StringBuilder out, String tag) {
        out.append('@');
        boolean subtagStart = true;
        boolean primary = true;
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c == '-') {
                if (subtagStart) {
                    throw new IllegalArgumentException("empty subtag in language tag: " + tag);
                }
                subtagStart = true;
                primary = false;
                out.append('-');
            } else if (primary ? isAsciiAlpha(c) : isAsciiAlnum(c)) {
                subtagStart = false;
                out.append(c <= 'Z' && c >= 'A' ? (char) (c + ('a' - 'A')) : c);
            } else {
                throw new IllegalArgumentException("not an N-Quads language tag: " + tag);
            }
        }
        if (subtagStart) {
            throw new IllegalArgumentException("empty subtag in language tag: " + tag);
        }
    }

    /** Returns the index of the low surrogate of the pair starting at {@code i}. */
    private static int checkPair(String s, int i, String where) {
        if (Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1))) {
            return i + 1;
        }
        throw new IllegalArgumentException(
                "unpaired surrogate " + uchar4(s.charAt(i)) + " at index " + i + " of " + where + ": cannot be written as UTF-8");
    }

    static String uchar4(int c) {
        return new String(new char[] {'\\', 'u', HEX[(c >> 12) & 0xF], HEX[(c >> 8) & 0xF], HEX[(c >> 4) & 0xF], HEX[c & 0xF]});
    }

    static boolean isAsciiAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAsciiAlnum(char c) {
        return isAsciiAlpha(c) || (c >= '0' && c <= '9');
    }

}
