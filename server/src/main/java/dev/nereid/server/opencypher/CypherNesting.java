package dev.nereid.server.opencypher;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;

/**
 * Refuses an openCypher statement nested too deeply, before the openCypher front end parses it. Its parser
 * recurses through a dozen grammar rules per level of brackets: some 300 levels overflow a worker's stack,
 * which after up to a second of backtracking comes out as an UnsupportedOperationException naming every rule
 * on the way, and a thousand levels of parentheses kept a worker for 5 s on a cold server, past a 2 s query
 * timeout, which parsing never checks. Real statements nest a few levels.
 *
 * <p>The scan is one pass with the lexical rules of openCypher that matter here: brackets {@code ( [ {}
 * count, except inside a string ({@code '…'} or {@code "…"}, where a backslash escapes the next character),
 * a quoted name ({@code `…`}), or a comment ({@code //…} to the end of the line, {@code /*…*}{@code /}).
 */
final class CypherNesting {

    /** The deepest nesting of brackets accepted. */
    static final int MAX_DEPTH = 100;
    static final String TOO_DEEP = "The query is nested too deeply to parse (more than " + MAX_DEPTH + " levels)";

    private CypherNesting() {
    }

    /** Throws MalformedQueryException if the statement nests brackets deeper than {@link #MAX_DEPTH}. */
    static void check(String statement) {
        if (depth(statement) > MAX_DEPTH) {
            throw new NereidException(ErrorCode.MALFORMED_QUERY, TOO_DEEP);
        }
    }

    /** The deepest nesting of brackets outside strings, quoted names and comments. */
    static int depth(String text) {
        int depth = 0;
        int deepest = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '(', '[', '{' -> deepest = Math.max(deepest, ++depth);
                // An unbalanced closer is the parser's error to report; it must not hide later openers.
                case ')', ']', '}' -> depth = Math.max(0, depth - 1);
                case '\'', '"' -> i = closing(text, i, c, true);
                // A backtick inside a quoted name is written twice: a close and a reopen, to this scan.
                case '`' -> i = closing(text, i, c, false);
                case '/' -> i = commentEnd(text, i);
                default -> {
                }
            }
        }
        return deepest;
    }

    /** The index of the quote closing the one at {@code start}, or the last index if none does. */
    private static int closing(String s, int start, char quote, boolean escapes) {
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (escapes && c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return s.length() - 1;
    }

    /** The last index of a comment starting at {@code start}, or {@code start} if none starts there. */
    private static int commentEnd(String s, int start) {
        if (s.startsWith("//", start)) {
            for (int i = start + 2; i < s.length(); i++) {
                if (s.charAt(i) == '\n' || s.charAt(i) == '\r') {
                    return i - 1;
                }
            }
            return s.length() - 1;
        }
        if (s.startsWith("/*", start)) {
            int end = s.indexOf("*/", start + 2);
            return end < 0 ? s.length() - 1 : end + 1;
        }
        return start;
    }
}
