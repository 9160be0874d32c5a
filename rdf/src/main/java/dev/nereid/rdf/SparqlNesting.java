package dev.nereid.rdf;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import java.util.BitSet;

/**
 * Refuses a SPARQL request nested too deeply, before Jena parses it. Jena's parser itself is quick at any
 * depth (it overflows its stack cleanly, as a parse error), but what follows a parse recurses once per level
 * too: at 1,000 nested {@code OPTIONAL} groups, turning the query into algebra overflows a worker's stack, an
 * InternalFailureException for a query, and for an update a failure of its whole write batch. Real requests
 * nest a few levels, so a bound far below where anything strains refuses none of them.
 *
 * <p>{@code EXISTS} and {@code NOT EXISTS} have a much lower bound of their own. ARQ's constant folding
 * rewrites the pattern inside an EXISTS again for each EXISTS around it, so planning time about doubles
 * with each level nested: 10 levels took 15 ms, 16 levels 0.2 s to 0.4 s, 22 a second, and 50 would take
 * years. Planning never checks ARQ's query timeout: a worker, or for an update the one writer every update
 * waits for, would be held for good (a query 100 levels deep ran on past a 2 s timeout until the server
 * was stopped).
 *
 * <p>The scan is one pass with the SPARQL grammar's lexical rules that matter here: brackets {@code ( [ {}
 * count, except inside a string ({@code '…'}, {@code "…"}, {@code '''…'''}, {@code """…"""}, where a
 * backslash escapes the next character), an IRI ({@code <…>} holding none of the characters IRIs exclude,
 * the same longest match Jena's tokenizer makes, so {@code ?a<?b} is no IRI but {@code <http://e/a(b>} is),
 * or a {@code #} comment; outside them a backslash escapes the next character too, as in a prefixed name's
 * {@code ex:a\(}. The group that opens after the keyword {@code EXISTS} counts as an EXISTS level.
 */
public final class SparqlNesting {

    /** The deepest nesting of brackets accepted. */
    public static final int MAX_DEPTH = 100;
    /** The deepest nesting of EXISTS groups accepted: planning them took some 15 ms at this depth. */
    public static final int MAX_EXISTS_DEPTH = 10;

    private SparqlNesting() {
    }

    /** How deeply a request nests: brackets of any kind, and EXISTS groups among them. */
    record Depths(int brackets, int exists) {
    }

    /**
     * Throws MalformedQueryException if the request nests brackets deeper than {@link #MAX_DEPTH}, or EXISTS
     * groups deeper than {@link #MAX_EXISTS_DEPTH}.
     *
     * @param kind "query" or "update", for the message
     */
    public static void check(String request, String kind) {
        Depths depths = measure(request);
        if (depths.brackets() > MAX_DEPTH) {
            throw new NereidException(ErrorCode.MALFORMED_QUERY,
                    "The " + kind + " is nested too deeply to parse (more than " + MAX_DEPTH + " levels)");
        }
        if (depths.exists() > MAX_EXISTS_DEPTH) {
            throw new NereidException(ErrorCode.MALFORMED_QUERY, "The " + kind
                    + " nests EXISTS too deeply to plan (more than " + MAX_EXISTS_DEPTH + " levels)");
        }
    }

    /** The deepest nesting of brackets, and of EXISTS groups, outside strings, IRIs and comments. */
    static Depths measure(String text) {
        int depth = 0;
        int deepest = 0;
        // The bracket levels opened as EXISTS groups, and how many of them are open.
        BitSet existsLevels = new BitSet();
        int exists = 0;
        int deepestExists = 0;
        boolean afterExists = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '(', '[', '{' -> {
                    deepest = Math.max(deepest, ++depth);
                    if (afterExists && c == '{') {
                        existsLevels.set(depth);
                        deepestExists = Math.max(deepestExists, ++exists);
                    }
                    afterExists = false;
                }
                // An unbalanced closer is the parser's error to report; it must not hide later openers.
                case ')', ']', '}' -> {
                    if (depth > 0 && existsLevels.get(depth)) {
                        existsLevels.clear(depth);
                        exists--;
                    }
                    depth = Math.max(0, depth - 1);
                }
                case '\'', '"' -> i = stringEnd(text, i, c);
                case '<' -> i = iriEnd(text, i);
                case '#' -> i = lineEnd(text, i);
                case '\\' -> i++;
                case 'e', 'E' -> {
                    if (isKeyword(text, i, "exists")) {
                        afterExists = true;
                        i += "exists".length() - 1;
                    }
                }
                default -> {
                }
            }
        }
        return new Depths(deepest, deepestExists);
    }

    /** The deepest nesting of brackets outside strings, IRIs and comments. */
    static int depth(String text) {
        return measure(text).brackets();
    }

    /** Whether {@code word} stands at {@code at} as a whole keyword, in any case, not part of a longer name. */
    private static boolean isKeyword(String s, int at, String word) {
        int end = at + word.length();
        return s.regionMatches(true, at, word, 0, word.length())
                && (at == 0 || !isNameChar(s.charAt(at - 1))) && (end == s.length() || !isNameChar(s.charAt(end)));
    }

    /** A character of a variable, prefixed name or keyword, so {@code ?exists} or {@code ex:exists} is no keyword. */
    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || "_-:.?$%".indexOf(c) >= 0;
    }

    /** The index of the last quote of the string opened at {@code start}, or the last index if none closes it. */
    private static int stringEnd(String s, int start, char quote) {
        boolean isLong = s.startsWith(String.valueOf(quote).repeat(3), start);
        // Two quotes with a third after them open a long string; two alone are an empty string.
        if (!isLong && start + 1 < s.length() && s.charAt(start + 1) == quote) {
            return start + 1;
        }
        for (int i = start + (isLong ? 3 : 1); i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote && (!isLong || s.startsWith(String.valueOf(quote).repeat(3), i))) {
                return isLong ? i + 2 : i;
            }
        }
        return s.length() - 1;
    }

    /** The index of the {@code >} closing an IRI opened at {@code start}, or {@code start} if none is there. */
    private static int iriEnd(String s, int start) {
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '>') {
                return i;
            }
            if (c <= ' ' || "<\"{}|^`\\".indexOf(c) >= 0) {
                return start;
            }
        }
        return start;
    }

    /** The index just before the line break ending the comment at {@code start}, or the last index. */
    private static int lineEnd(String s, int start) {
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                return i - 1;
            }
        }
        return s.length() - 1;
    }
}
