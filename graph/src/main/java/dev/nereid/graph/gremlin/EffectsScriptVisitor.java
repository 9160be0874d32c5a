package dev.nereid.graph.gremlin;

import org.apache.tinkerpop.gremlin.language.grammar.GraphTraversalSourceVisitor;
import org.apache.tinkerpop.gremlin.language.grammar.GremlinAntlrToJava;
import org.apache.tinkerpop.gremlin.language.grammar.GremlinParser;
import org.apache.tinkerpop.gremlin.language.grammar.TraversalRootVisitor;
import org.apache.tinkerpop.gremlin.language.grammar.VariableResolver;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;

/**
 * The gremlin-lang visitor turned to classification: it builds each traversal of a script as evaluation
 * would (so the same scripts fail, with the same errors) and answers the {@link QueryEffects} of them all,
 * where {@link NeptuneScriptVisitor} would iterate every traversal but the last. Nothing is iterated:
 * terminal methods ({@code next()}, {@code iterate()}, …) and transaction parts ({@code g.tx().commit()})
 * are skipped, and a {@code toString()} query counts as the traversal it prints.
 */
final class EffectsScriptVisitor extends GremlinAntlrToJava {

    EffectsScriptVisitor(GraphTraversalSource g, VariableResolver variables) {
        super(g, variables);
    }

    @Override
    public Object visitQueryList(GremlinParser.QueryListContext ctx) {
        QueryEffects effects = QueryEffects.READ_ONLY;
        for (GremlinParser.QueryContext query : ctx.query()) {
            effects = effects.and(effectsOf(query));
        }
        return effects;
    }

    @Override
    public Object visitQuery(GremlinParser.QueryContext ctx) {
        return effectsOf(ctx);
    }

    private QueryEffects effectsOf(GremlinParser.QueryContext query) {
        if (query.query() != null) {
            return effectsOf(query.query());
        }
        if (query.rootTraversal() != null) {
            Traversal<?, ?> traversal = new TraversalRootVisitor<>(this).visitRootTraversal(query.rootTraversal());
            return GremlinEffects.of(traversal.asAdmin().getBytecode());
        }
        if (query.traversalSource() != null && query.transactionPart() == null) {
            // A bare source (g.withStrategies(…)) changes nothing, but is built so it fails as evaluation would.
            new GraphTraversalSourceVisitor(this).visitTraversalSource(query.traversalSource());
        }
        return QueryEffects.READ_ONLY;
    }
}
