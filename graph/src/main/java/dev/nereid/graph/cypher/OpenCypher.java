package dev.nereid.graph.cypher;

import dev.nereid.graph.NereidGraph;
import dev.nereid.graph.gremlin.QueryEffects;
import dev.nereid.stream.NereidException;
import org.apache.tinkerpop.gremlin.jsr223.JavaTranslator;
import org.apache.tinkerpop.gremlin.process.traversal.Bytecode;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.strategy.verification.LambdaRestrictionStrategy;
import org.opencypher.gremlin.translation.CypherAst;
import org.opencypher.gremlin.translation.translator.Translator;
import org.opencypher.gremlin.translation.translator.TranslatorFlavor;
import org.opencypher.gremlin.traversal.ParameterNormalizer;
import org.opencypher.gremlin.traversal.ReturnNormalizer;
import org.opencypher.v9_0.util.CypherException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * openCypher on the property graph: one statement is one transaction on the same graph, log and stream
 * as Gremlin (spec §5.2, §5.4). The statement is translated to a Gremlin traversal by Cypher for Gremlin
 * ({@code gremlinServer()} flavor, multiple labels on), given Neptune's model ({@link CypherText},
 * {@link NeptuneCypherSteps}), run, and committed through the graph's one commit path, so its records
 * are the transaction's net change exactly as for Gremlin.
 */
public final class OpenCypher {

    private final NereidGraph graph;
    private final GraphTraversalSource g;
    private final LongSupplier clock;
    private final ParsedStatements statements = new ParsedStatements();

    public OpenCypher(NereidGraph graph) {
        this(graph, System::currentTimeMillis);
    }

    /** {@code clock} is what {@code datetime()} without an argument reads. */
    public OpenCypher(NereidGraph graph, LongSupplier clock) {
        this.graph = graph;
        this.clock = clock;
        // The translator's own helpers (toString(), size(), …) are lambdas; queries cannot carry any.
        this.g = graph.traversal().withoutStrategies(LambdaRestrictionStrategy.class);
    }

    /**
     * Runs one statement as one transaction and returns its rows in Neptune's format, each a map from
     * column to value. Any failure rolls the transaction back and is a {@link NereidException}.
     */
    public List<Map<String, Object>> execute(String query, Map<String, ?> parameters) {
        Translation translation = translate(query, parameters);
        List<?> raw;
        try {
            raw = graph.createOnly(translation.traversal()::toList);
            graph.tx().commit();
        } catch (RuntimeException e) {
            graph.tx().rollback();
            throw CypherErrors.from(e);
        }
        ReturnNormalizer normalizer = ReturnNormalizer.create(translation.ast().getReturnTypes());
        List<Map<String, Object>> rows = new ArrayList<>(raw.size());
        for (Object row : raw) {
            rows.add(CypherRows.row(normalizer.normalize(row)));
        }
        return rows;
    }

    /**
     * What running the statement with these parameters may do to the data ({@link QueryEffects}), decided
     * from its translation without running it. The parameters count: the translator inlines them, and
     * {@code SET n.p = $v} writes or deletes as {@code $v} is a value or null. A statement that cannot be
     * translated fails here exactly as {@link #execute} would.
     */
    public QueryEffects effects(String query, Map<String, ?> parameters) {
        return CypherEffects.of(translate(query, parameters).bytecode());
    }

    private record Translation(CypherAst ast, Bytecode bytecode, GraphTraversal<?, ?> traversal) {
    }

    /** The statement as the traversal that runs it; a failure is the NereidException the client gets. */
    private Translation translate(String query, Map<String, ?> parameters) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> normalized = ParameterNormalizer.normalize((Map<String, Object>) parameters);
            CypherText.Rewritten rewritten = CypherText.rewrite(query, normalized, clock.getAsLong());
            CypherAst ast = statements.parse(rewritten.query(), rewritten.parameters());
            Bytecode bytecode = ast.buildTranslation(Translator.builder()
                    .bytecode()
                    .inlineParameters()
                    .enableCypherExtensions()
                    .enableMultipleLabels()
                    .build(TranslatorFlavor.gremlinServer()));
            GraphTraversal<?, ?> traversal =
                    (GraphTraversal<?, ?>) JavaTranslator.of(g).translate(CypherBytecode.withJavaFunctions(bytecode));
            NeptuneCypherSteps.apply(traversal.asAdmin(), graph);
            return new Translation(ast, bytecode, traversal);
        } catch (NereidException | CypherException | org.opencypher.gremlin.translation.exception.SyntaxException e) {
            throw CypherErrors.from(e);
        } catch (RuntimeException e) {
            throw CypherErrors.unsupported(e);
        } catch (LinkageError e) {
            // The translator's custom predicates (=~, path functions) were built against TinkerPop 3.4's P.
            throw CypherErrors.unsupportedPredicate();
        }
    }
}
