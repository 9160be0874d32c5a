package dev.nereid.graph.cypher;

import org.opencypher.gremlin.translation.CypherAst;
import org.opencypher.v9_0.ast.Statement;
import scala.collection.JavaConverters;
import scala.collection.Seq;
import scala.collection.immutable.Map;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;

/**
 * The openCypher front end's parse and semantic analysis cost more than everything else a small write
 * does (docs/performance.md §7), and depend only on the statement's text: the parameters' values enter
 * only when the statement is translated. So a statement seen before — the same text, as clients send it
 * with parameters — is parsed once and given each request's parameters.
 */
final class ParsedStatements {

    private static final int CAPACITY = 256;
    private static final Field EXPRESSION_TYPES = field("expressionTypes");
    private static final Field RETURN_TYPES = field("returnTypes");
    private static final Seq<org.opencypher.gremlin.translation.preparser.PreParserOption> NO_OPTIONS =
            JavaConverters.asScalaBufferConverter(
                    new java.util.ArrayList<org.opencypher.gremlin.translation.preparser.PreParserOption>()).asScala();

    private final LinkedHashMap<String, CypherAst> byText = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, CypherAst> eldest) {
            return size() > CAPACITY;
        }
    };

    CypherAst parse(String query, java.util.Map<String, Object> parameters) {
        CypherAst seen;
        synchronized (byText) {
            seen = byText.get(query);
        }
        if (seen != null) {
            return withParameters(seen, parameters);
        }
        CypherAst parsed = CypherAst.parse(query, parameters);
        // EXPLAIN and the like live in pre-parser options the AST does not keep: such statements are not reused.
        if (EXPRESSION_TYPES != null && parsed.getOptions().isEmpty()) {
            synchronized (byText) {
                byText.put(query, parsed);
            }
        }
        return parsed;
    }

    @SuppressWarnings("unchecked")
    private static CypherAst withParameters(CypherAst parsed, java.util.Map<String, Object> parameters) {
        try {
            Map<String, Object> scalaParameters = JavaConverters.mapAsScalaMapConverter(parameters).asScala()
                    .toMap(scala.Predef$.MODULE$.$conforms());
            return new CypherAst((Statement) parsed.statement(), scalaParameters,
                    (Map<org.opencypher.v9_0.expressions.Expression, org.opencypher.v9_0.util.symbols.CypherType>)
                            EXPRESSION_TYPES.get(parsed),
                    (Map<String, org.opencypher.v9_0.util.symbols.CypherType>) RETURN_TYPES.get(parsed),
                    NO_OPTIONS);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot reuse a parsed openCypher statement", e);
        }
    }

    /** The analysed types CypherAst keeps private; null (no reuse) if this translator version lacks them. */
    private static Field field(String name) {
        try {
            Field f = CypherAst.class.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
