package dev.nereid.graph.gremlin;

import org.apache.tinkerpop.gremlin.language.grammar.GremlinQueryParser;
import org.apache.tinkerpop.gremlin.process.traversal.Bytecode;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversal;
import org.apache.tinkerpop.gremlin.structure.util.empty.EmptyGraph;

import java.util.Map;

/**
 * The data actions a Gremlin request may take (see {@link QueryEffects}), found from its steps alone —
 * nothing is run, on any graph. Every step counts wherever it stands: in a child traversal, in a branch
 * that may never be taken, in every traversal of a script.
 * <ul>
 *   <li>{@code addV}, {@code addE}: write;</li>
 *   <li>{@code property}, {@code mergeV}, {@code mergeE}: write and delete;</li>
 *   <li>{@code drop}: deletes;</li>
 *   <li>{@code read}, the modulator of {@code io()} that loads a file into the graph: writes (Nereid
 *       refuses io() when it runs, but the request asked to write).</li>
 * </ul>
 * These are the steps that build TinkerPop's {@code Mutating} steps, counted as TinkerPop marks them
 * {@code Writing} and {@code Deleting}: {@code property()} and the merges may replace a value that is
 * there, which removes it — Neptune's documentation says so of {@code property(single, …)} and of any
 * query with a {@code property()} step, so a {@code property()} counts with any cardinality, even right
 * after {@code addV()}, and a merge counts with or without {@code option(onMatch, …)}. {@code call()}
 * reads: Nereid, like Neptune, registers no service, so no call can change anything. Source instructions
 * ({@code withSideEffect}, {@code withStrategies}, …) configure and never change data.
 */
public final class GremlinEffects {

    private GremlinEffects() {
    }

    /** What a traversal given as bytecode may do: its step instructions and every traversal nested in them. */
    public static QueryEffects of(Bytecode bytecode) {
        QueryEffects effects = QueryEffects.READ_ONLY;
        for (Bytecode.Instruction step : bytecode.getStepInstructions()) {
            if (effects.equals(QueryEffects.WRITES_AND_DELETES)) {
                return effects;
            }
            effects = effects.and(ofStep(step.getOperator()));
            for (Bytecode nested : NestedBytecode.in(step.getArguments())) {
                effects = effects.and(of(nested));
            }
        }
        return effects;
    }

    /**
     * What a Gremlin script may do: the union over every traversal it holds. The request's bindings are
     * not needed to know its steps: a variable stands in as a value of the kind its argument takes. A
     * script that does not parse throws the NereidException evaluating it would.
     */
    public static QueryEffects ofScript(String script) {
        return ofScript(script, Map.of());
    }

    /**
     * As {@link #ofScript(String)}, with the request's bindings for the variables the script names, so
     * translation sees the values evaluation will; a variable not bound stands in as in {@link #ofScript(String)}.
     */
    public static QueryEffects ofScript(String script, Map<String, ?> bindings) {
        // Before the parser, as evaluation does: a script nested too deeply takes minutes to parse.
        ScriptNesting.check(script);
        try {
            return (QueryEffects) GremlinQueryParser.parse(DecimalLiterals.asDoubles(script),
                    new EffectsScriptVisitor(EmptyGraph.instance().traversal(), UnboundVariables.over(bindings)));
        } catch (RuntimeException e) {
            throw GremlinErrors.from(e);
        }
    }

    private static QueryEffects ofStep(String operator) {
        return switch (operator) {
            case GraphTraversal.Symbols.addV, GraphTraversal.Symbols.addE, GraphTraversal.Symbols.read ->
                    QueryEffects.WRITES;
            case GraphTraversal.Symbols.property, GraphTraversal.Symbols.mergeV, GraphTraversal.Symbols.mergeE ->
                    QueryEffects.WRITES_AND_DELETES;
            case GraphTraversal.Symbols.drop -> QueryEffects.DELETES;
            default -> QueryEffects.READ_ONLY;
        };
    }
}
