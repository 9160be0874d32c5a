package dev.nereid.graph.gremlin;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.apache.tinkerpop.gremlin.language.grammar.GremlinLexer;

/**
 * Unsuffixed decimal literals as Double: the gremlin-lang grammar reads {@code 0.5} as a BigDecimal,
 * which Neptune cannot store, while users mean a Double, the type Neptune gives it (spec §5.3: a Nereid
 * decision). Rewrites the script text by adding the {@code d} suffix, found with the grammar's own lexer
 * so string literals and comments are never touched.
 */
final class DecimalLiterals {

    private DecimalLiterals() {
    }

    static String asDoubles(String script) {
        if (script.indexOf('.') < 0) {
            return script;
        }
        GremlinLexer lexer = new GremlinLexer(CharStreams.fromString(script));
        lexer.removeErrorListeners();
        StringBuilder out = null;
        int copied = 0;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getType() == GremlinLexer.FloatingPointLiteral && !hasSuffix(t.getText())) {
                if (out == null) {
                    out = new StringBuilder(script.length() + 8);
                }
                out.append(script, copied, t.getStopIndex() + 1).append('d');
                copied = t.getStopIndex() + 1;
            }
        }
        return out == null ? script : out.append(script, copied, script.length()).toString();
    }

    private static boolean hasSuffix(String literal) {
        char last = Character.toLowerCase(literal.charAt(literal.length() - 1));
        return last == 'f' || last == 'd' || last == 'm';
    }
}
