package dev.nereid.graph.cypher;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import org.opencypher.v9_0.ast.RemoveLabelItem;
import org.opencypher.v9_0.ast.SetLabelItem;
import org.opencypher.v9_0.ast.Statement;
import org.opencypher.v9_0.expressions.Expression;
import org.opencypher.v9_0.expressions.FunctionInvocation;
import org.opencypher.v9_0.expressions.LabelName;
import org.opencypher.v9_0.expressions.Parameter;
import org.opencypher.v9_0.expressions.StringLiteral;
import org.opencypher.v9_0.parser.CypherParser;
import org.opencypher.v9_0.util.CypherException;
import scala.Option;
import scala.Product;
import scala.collection.Iterator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the translator cannot say, said in words it can: the query text is rewritten before translation.
 * <ul>
 *   <li>{@code SET n:L} becomes a write of the marker key {@code ~nereid.label+L} and {@code REMOVE n:L}
 *       a removal of {@code ~nereid.label-L}; {@link NeptuneCypherSteps} turns both into label changes.
 *       TinkerPop keys starting with {@code ~} are hidden, so no stored key can collide with a marker.</li>
 *   <li>{@code datetime('…')} and {@code datetime()} become parameters holding a {@link java.util.Date}.</li>
 * </ul>
 * Edits are located with the openCypher front end's own parser, so they never touch string literals or
 * comments that merely look like these clauses.
 */
final class CypherText {

    private static final String ADD_LABEL = "~nereid.label+";
    private static final String REMOVE_LABEL = "~nereid.label-";
    private static final String DATETIME_PARAMETER = "__nereid_datetime_";

    /** A label change the rewrite hid in a property key; {@link #of} reads it back. */
    record LabelMarker(String label, boolean add) {
        /** The marker a property key holds, or null if it is an ordinary key. */
        static LabelMarker of(Object key) {
            if (key instanceof String k && k.startsWith(ADD_LABEL)) {
                return new LabelMarker(k.substring(ADD_LABEL.length()), true);
            }
            if (key instanceof String k && k.startsWith(REMOVE_LABEL)) {
                return new LabelMarker(k.substring(REMOVE_LABEL.length()), false);
            }
            return null;
        }
    }

    /** The query to translate and the parameters it needs, the caller's included. */
    record Rewritten(String query, Map<String, Object> parameters) {
    }

    private record Edit(int start, int end, String text) {
    }

    private CypherText() {
    }

    static Rewritten rewrite(String query, Map<String, Object> parameters, long nowMillis) {
        if (!mayNeedEdits(query)) {
            // Nothing to rewrite, and the translator parses the text anyway: skip a parse per request.
            return new Rewritten(query, new HashMap<>(parameters));
        }
        Statement statement;
        try {
            statement = new CypherParser().parse(query, Option.empty());
        } catch (CypherException e) {
            throw new NereidException(ErrorCode.MALFORMED_QUERY, CypherErrors.syntaxMessage(e));
        }
        List<Edit> edits = new ArrayList<>();
        Map<String, Object> params = new HashMap<>(parameters);
        collect(statement, query, edits, params, nowMillis);
        if (edits.isEmpty()) {
            return new Rewritten(query, params);
        }
        edits.sort(Comparator.comparingInt(Edit::start).reversed());
        StringBuilder text = new StringBuilder(query);
        for (Edit e : edits) {
            text.replace(e.start(), e.end(), e.text());
        }
        return new Rewritten(text.toString(), params);
    }

    /** False only when the text cannot hold SET, REMOVE or datetime(); a false true costs one parse. */
    private static boolean mayNeedEdits(String query) {
        String lower = query.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("set") || lower.contains("remove") || lower.contains("datetime");
    }

    private static void collect(Object node, String query, List<Edit> edits, Map<String, Object> params, long now) {
        if (node instanceof SetLabelItem item) {
            edits.add(labelEdit(query, item.position().offset(), item.variable().name(), item.labels(), true));
            return;
        }
        if (node instanceof RemoveLabelItem item) {
            edits.add(labelEdit(query, item.position().offset(), item.variable().name(), item.labels(), false));
            return;
        }
        if (node instanceof FunctionInvocation f && f.namespace().parts().isEmpty()
                && f.functionName().name().equalsIgnoreCase("datetime")) {
            String name = DATETIME_PARAMETER + params.keySet().stream().filter(k -> k.startsWith(DATETIME_PARAMETER)).count();
            params.put(name, new java.util.Date(datetimeArgument(f, params, now)));
            int start = f.position().offset();
            edits.add(new Edit(start, closingParenthesis(query, start) + 1, "$" + name));
            return;
        }
        if (node instanceof Product product) {
            for (Iterator<Object> it = product.productIterator(); it.hasNext(); ) {
                collect(it.next(), query, edits, params, now);
            }
        } else if (node instanceof scala.collection.Iterable<?> items) {
            for (Iterator<?> it = items.iterator(); it.hasNext(); ) {
                collect(it.next(), query, edits, params, now);
            }
        }
    }

    private static long datetimeArgument(FunctionInvocation f, Map<String, Object> params, long now) {
        if (f.args().isEmpty()) {
            return now;
        }
        Expression arg = f.args().apply(0);
        if (f.args().size() == 1 && arg instanceof StringLiteral literal) {
            return CypherDatetime.parse(literal.value());
        }
        if (f.args().size() == 1 && arg instanceof Parameter p && params.get(p.name()) instanceof String s) {
            return CypherDatetime.parse(s);
        }
        throw new NereidException(ErrorCode.UNSUPPORTED_OPERATION,
                "datetime() takes no argument, a string literal, or a string parameter");
    }

    private static Edit labelEdit(String query, int start, String variable, scala.collection.Seq<LabelName> labels,
                                  boolean add) {
        LabelName last = labels.apply(labels.size() - 1);
        int end = endOfName(query, last.position().offset());
        List<String> items = new ArrayList<>();
        for (Iterator<LabelName> it = labels.iterator(); it.hasNext(); ) {
            String key = (add ? ADD_LABEL : REMOVE_LABEL) + it.next().name();
            items.add(quote(variable) + "." + quote(key) + (add ? " = true" : ""));
        }
        return new Edit(start, end, String.join(", ", items));
    }

    /** The offset just past a label name written at {@code at} (the parser may point at its colon). */
    private static int endOfName(String query, int at) {
        int i = at;
        if (query.charAt(i) == ':') {
            i++;
            while (Character.isWhitespace(query.charAt(i))) {
                i++;
            }
        }
        if (query.charAt(i) == '`') {
            i++;
            while (true) {
                if (query.charAt(i) == '`') {
                    if (i + 1 < query.length() && query.charAt(i + 1) == '`') {
                        i += 2;
                        continue;
                    }
                    return i + 1;
                }
                i++;
            }
        }
        while (i < query.length() && (Character.isLetterOrDigit(query.charAt(i)) || query.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    /** The parenthesis closing the call that starts at {@code start}, skipping strings and quoted names. */
    private static int closingParenthesis(String query, int start) {
        int depth = 0;
        for (int i = query.indexOf('(', start); i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                for (i++; query.charAt(i) != c; i++) {
                    if (query.charAt(i) == '\\' && c != '`') {
                        i++;
                    }
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("the parser accepted an unclosed call");
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
