package dev.nereid.graph.gremlin;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;

/**
 * Refuses a Gremlin script nested too deeply, before the grammar sees it. ANTLR's prediction walks the
 * whole stack of open rules, so parse time grows with the square of the nesting (or worse: 4,000 nested
 * {@code union(} take 7 s, 10,000 nested lists over a minute before they overflow the stack), and a parse
 * never checks for interruption, so the query timeout cannot stop it: it holds its worker thread, and every
 * connection sharing that worker, as long as it runs. Real scripts nest a few levels; at
 * {@link #MAX_DEPTH} the slowest shape measured parses in about 0.1 s once the parser is warm.
 *
 * <p>The scan is one pass over the text with the grammar's lexical rules that matter here: brackets
 * {@code ( [ {} count, except inside a string literal ({@code '…'} or {@code "…"}, where a backslash
 * escapes the next character) or a {@code //} comment. A script the lexer would refuse may be counted
 * differently, but only after the point where the lexer stops the parse anyway.
 */
final class ScriptNesting {

    /** The deepest nesting of brackets accepted. */
    static final int MAX_DEPTH = 100;
    static final String TOO_DEEP = "The query is nested too deeply to parse (more than " + MAX_DEPTH + " levels)";

    private ScriptNesting() {
    }

    /** Throws MalformedQueryException if the script nests brackets deeper than {@link #MAX_DEPTH}. */
    static void check(String script) {
        if (depth(script) > MAX_DEPTH) {
            throw new NereidException(ErrorCode.MALFORMED_QUERY, TOO_DEEP);
        }
    }

    /** The deepest nesting of brackets outside string literals and comments. */
    static int depth(String script) {
        int depth = 0;
        int deepest = 0;
        int n = script.length();
        for (int i = 0; i < n; i++) {
            char c = script.charAt(i);
            switch (c) {
                case '(', '[', '{' -> deepest = Math.max(deepest, ++depth);
                // An unbalanced closer is the parser's error to report; it must not hide later openers.
                case ')', ']', '}' -> depth = Math.max(0, depth - 1);
                case '\'', '"' -> i = stringEnd(script, i, c);
                case '/' -> {
                    if (i + 1 < n && script.charAt(i + 1) == '/') {
                        i = lineEnd(script, i);
                    }
                }
                default -> {
                }
            }
        }
        return deepest;
    }

    /** The index of the quote closing the string opened at {@code start}, or the last index if none does. */
    private static int stringEnd(String s, int start, char quote) {
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return s.length() - 1;
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
