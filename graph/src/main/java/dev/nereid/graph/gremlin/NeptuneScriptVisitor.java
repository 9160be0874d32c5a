package dev.nereid.graph.gremlin;

import org.apache.tinkerpop.gremlin.language.grammar.GremlinAntlrToJava;
import org.apache.tinkerpop.gremlin.language.grammar.GremlinParser;
import org.apache.tinkerpop.gremlin.language.grammar.VariableResolver;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;

import java.util.List;

/**
 * The gremlin-lang visitor with Neptune's script semantics: a script holds several traversals,
 * separated by {@code ;} or newlines, and every one of them runs, in order, in the request's one
 * transaction (spec §5.2). TinkerPop's visitor would only return the last, leaving the others
 * un-iterated. The last is returned as it is, for the caller to iterate and serialize.
 */
final class NeptuneScriptVisitor extends GremlinAntlrToJava {

    NeptuneScriptVisitor(GraphTraversalSource g, VariableResolver resolver) {
        super(g, resolver);
    }

    @Override
    public Object visitQueryList(GremlinParser.QueryListContext ctx) {
        List<GremlinParser.QueryContext> queries = ctx.query();
        Object last = null;
        for (int i = 0; i < queries.size(); i++) {
            last = visitQuery(queries.get(i));
            if (i < queries.size() - 1 && last instanceof Traversal<?, ?> t) {
                t.iterate();
            }
        }
        return last;
    }
}
