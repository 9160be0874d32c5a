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
 * Reads one N-Quads {@code stmt} back into the quad {@link NQuadsLine#of} wrote it from: the parser
 * behind {@link NQuadsLine#parse}, kept apart from the writer because it is as long again. One pass over
 * one line; {@code pos} only moves forward.
 */
final class NQuadsLineReader {
    private final String s;
    private final int end;
    private int pos;

    NQuadsLineReader(String s) {
        this.s = s;
        this.end = s.length();
    }

    Quad statement() {
        skipWs();
        if (pos == end || s.charAt(pos) == '\n' || s.charAt(pos) == '\r') {
            throw fail("empty statement", pos);
        }
        Node subject = switch (peek()) {
            case '<' -> iri();
            case '_' -> blank();
            case '"' -> throw fail("a literal cannot be the subject", pos);
            default -> throw fail("expected an IRI or a blank node as the subject", pos);
        };
        skipWs();
        if (peek() != '<') {
            throw fail("expected an IRI as the predicate", pos);
        }
        Node predicate = iri();
        skipWs();
        Node object = switch (peek()) {
            case '<' -> iri();
            case '_' -> blank();
            case '"' -> literal();
            default -> throw fail("expected an IRI, a blank node or a literal as the object", pos);
        };
        skipWs();
        Node graph = NQuadsLine.DEFAULT_GRAPH;
        if (peek() == '<') {
            int at = pos;
            graph = iri();
            if (NQuadsLine.isDefaultGraph(graph)) {
                graph = NQuadsLine.DEFAULT_GRAPH;
            } else if (NQuadsLine.isPseudoGraph(graph)) {
                throw fail("<" + graph.getURI() + "> is not a stored graph", at);
            }
            skipWs();
        } else if (peek() == '_') {
            throw fail("a blank node cannot name a graph", pos);
        }
        if (peek() != '.') {
            throw fail("expected '.' to end the statement", pos);
        }
        pos++;
        skipWs();
        if (pos < end && s.charAt(pos) == '\r') {
            pos++;
        }
        if (pos < end && s.charAt(pos) == '\n') {
            pos++;
        }
        if (pos != end) {
            throw fail("unexpected text after the final '.'", pos);
        }
        return Quad.create(graph, subject, predicate, object);
    }

    /** The character at {@code pos}, or 0 at the end (0 never starts a term). */
    private char peek() {
        return pos < end ? s.charAt(pos) : 0;
    }

    private void skipWs() {
        while (pos < end && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private Node iri() {
        return NodeFactory.createURI(iriText());
    }

    /** Reads {@code <…>} from {@code pos} (at the '<') and returns the unescaped IRI. */
    private String iriText() {
        int open = pos++;
        StringBuilder unescaped = null;
        int run = pos;
        while (true) {
            if (pos >= end) {
                throw fail("unterminated IRI", open);
            }
            char c = s.charAt(pos);
            if (c == '>') {
                break;
            }
            if (c == '\\') {
                if (unescaped == null) {
                    unescaped = new StringBuilder(pos - run + 16);
                }
                unescaped.append(s, run, pos);
                char kind = pos + 1 < end ? s.charAt(pos + 1) : 0;
                if (kind != 'u' && kind != 'U') {
                    throw fail("only \\u and \\U escapes are allowed in an IRI", pos);
                }
                unescaped.appendCodePoint(uchar());
                run = pos;
                continue;
            }
            if (c < 128 && NQuadsLine.IRI_ESCAPED[c]) {
                throw fail("character " + NQuadsLine.uchar4(c) + " must be escaped in an IRI", pos);
            }
            if (Character.isSurrogate(c)) {
                if (!isPair(pos)) {
                    throw fail("unpaired surrogate " + NQuadsLine.uchar4(c) + " in an IRI", pos);
                }
                pos++;
            }
            pos++;
        }
        String iri = unescaped == null ? s.substring(run, pos) : unescaped.append(s, run, pos).toString();
        pos++;
        return iri;
    }

    private Node blank() {
        int start = pos;
        if (!s.startsWith("_:b", pos)) {
            throw fail("blank nodes are written _:b<label>", start);
        }
        pos += 3;
        int labelStart = pos;
        while (pos < end && NQuadsLine.isAsciiAlnum(s.charAt(pos))) {
            pos++;
        }
        // N-Quads labels may also hold _ - . and non-ASCII letters; the store never writes them.
        if (pos == labelStart || (pos < end && continuesLabel(s.charAt(pos)))) {
            throw fail("blank node label must match [A-Za-z0-9]+", start);
        }
        return NodeFactory.createBlankNode(s.substring(labelStart, pos));
    }

    /** True if {@code c} right after [A-Za-z0-9]+ would still be part of an N-Quads label. */
    private boolean continuesLabel(char c) {
        if (c == '.') {
            char next = pos + 1 < end ? s.charAt(pos + 1) : ' ';
            return next != ' ' && next != '\t' && next != '\r' && next != '\n';
        }
        return c == '_' || c == '-' || c == ':' || c >= 128;
    }

    private Node literal() {
        int open = pos++;
        StringBuilder lex = null;
        int run = pos;
        while (true) {
            if (pos >= end) {
                throw fail("unterminated literal", open);
            }
            char c = s.charAt(pos);
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                if (lex == null) {
                    lex = new StringBuilder(pos - run + 16);
                }
                lex.append(s, run, pos);
                char kind = pos + 1 < end ? s.charAt(pos + 1) : 0;
                switch (kind) {
                    case 't' -> lex.append('\t');
                    case 'b' -> lex.append('\b');
                    case 'n' -> lex.append('\n');
                    case 'r' -> lex.append('\r');
                    case 'f' -> lex.append('\f');
                    case '"' -> lex.append('"');
                    case '\'' -> lex.append('\'');
                    case '\\' -> lex.append('\\');
                    case 'u', 'U' -> {
                        lex.appendCodePoint(uchar());
                        run = pos;
                        continue;
                    }
                    default -> throw fail("unknown escape in a literal", pos);
                }
                pos += 2;
                run = pos;
                continue;
            }
            if (c == '\n' || c == '\r') {
                throw fail("raw line break in a literal", pos);
            }
            if (Character.isSurrogate(c)) {
                if (!isPair(pos)) {
                    throw fail("unpaired surrogate " + NQuadsLine.uchar4(c) + " in a literal", pos);
                }
                pos++;
            }
            pos++;
        }
        String lexical = lex == null ? s.substring(run, pos) : lex.append(s, run, pos).toString();
        pos++;
        if (peek() == '@') {
            return langLiteral(lexical);
        }
        if (peek() == '^') {
            if (pos + 2 >= end || s.charAt(pos + 1) != '^' || s.charAt(pos + 2) != '<') {
                throw fail("expected ^^<datatype IRI>", pos);
            }
            pos += 2;
            int at = pos;
            String datatype = iriText();
            if (datatype.equals(NQuadsLine.RDF_LANG_STRING) || datatype.equals(NQuadsLine.RDF_DIR_LANG_STRING)) {
                throw fail("datatype " + datatype + " needs a language tag", at);
            }
            try {
                // getSafeTypeByName: unknown datatypes become opaque ones, and nothing canonicalises the lexical form.
                RDFDatatype type = TypeMapper.getInstance().getSafeTypeByName(datatype);
                return NodeFactory.createLiteralDT(lexical, type);
            } catch (RuntimeException e) {
                // Only with Jena's eager literal validation switched on.
                throw fail("literal rejected by Jena (" + e.getMessage() + ")", at);
            }
        }
        return NodeFactory.createLiteralString(lexical);
    }

    /** {@code @tag} with an optional RDF 1.2 {@code --ltr} / {@code --rtl}, from {@code pos} at the '@'. */
    private Node langLiteral(String lexical) {
        int at = pos++;
        int tagStart = pos;
        while (pos < end && NQuadsLine.isAsciiAlpha(s.charAt(pos))) {
            pos++;
        }
        if (pos == tagStart) {
            throw fail("empty language tag", at);
        }
        String direction = null;
        int tagEnd = pos;
        while (pos < end && s.charAt(pos) == '-') {
            if (pos + 1 < end && s.charAt(pos + 1) == '-') {
                pos += 2;
                int dirStart = pos;
                while (pos < end && NQuadsLine.isAsciiAlpha(s.charAt(pos))) {
                    pos++;
                }
                direction = s.substring(dirStart, pos);
                if (!direction.equals("ltr") && !direction.equals("rtl")) {
                    throw fail("base direction must be ltr or rtl", dirStart);
                }
                break;
            }
            pos++;
            int subtagStart = pos;
            while (pos < end && NQuadsLine.isAsciiAlnum(s.charAt(pos))) {
                pos++;
            }
            if (pos == subtagStart) {
                throw fail("empty subtag in language tag", subtagStart);
            }
            tagEnd = pos;
        }
        String tag = s.substring(tagStart, tagEnd).toLowerCase(Locale.ROOT);
        try {
            return direction == null
                    ? NodeFactory.createLiteralLang(lexical, tag)
                    : NodeFactory.createLiteralDirLang(lexical, tag, direction);
        } catch (RuntimeException e) {
            // Jena checks tags against RFC 5646, which is stricter than the N-Quads grammar.
            throw fail("language tag rejected by Jena (" + e.getMessage() + ")", at);
        }
    }

    /** Reads a {@code \\u} escape (four hex digits) or a {@code \\U} escape (eight) at {@code pos}, the backslash. */
    private int uchar() {
        int at = pos;
        int digits = s.charAt(pos + 1) == 'u' ? 4 : 8;
        if (pos + 2 + digits > end) {
            throw fail("truncated \\u escape", at);
        }
        long cp = 0;
        for (int i = pos + 2; i < pos + 2 + digits; i++) {
            int d = hexValue(s.charAt(i));
            if (d < 0) {
                throw fail("bad hex digit in \\u escape", at);
            }
            cp = (cp << 4) | d;
        }
        if (cp > Character.MAX_CODE_POINT) {
            throw fail("\\U escape beyond U+10FFFF", at);
        }
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            throw fail("\\u escape of a surrogate, which is not a character", at);
        }
        pos += 2 + digits;
        return (int) cp;
    }

    private boolean isPair(int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1));
    }

    private IllegalArgumentException fail(String problem, int at) {
        String shown = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        if (shown.length() > 200) {
            shown = shown.substring(0, 200) + "...";
        }
        return new IllegalArgumentException(
                "Invalid N-Quads statement: " + problem + " at offset " + at + " in: " + shown);
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
