package dev.nereid.graph.cypher;

import dev.nereid.graph.gremlin.NestedBytecode;
import dev.nereid.graph.gremlin.QueryEffects;
import org.apache.tinkerpop.gremlin.process.traversal.Bytecode;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversal;

/**
 * The data actions an openCypher statement may take ({@link QueryEffects}), read from the bytecode the
 * translator made of it, before anything runs. Creating nodes and relationships and writing properties
 * write; {@code drop()} deletes — the drops of DELETE, DETACH DELETE, REMOVE and {@code SET n = {…}}.
 *
 * <p>The translator writes every property SET as {@code choose(value is not null, property(k, value),
 * properties(k).drop())}, so both a write and a drop stand in the bytecode of each. Only the branch the
 * value takes counts where the value is a constant ({@link ConstantFolding}): {@code SET n.p = 1} writes,
 * {@code SET n.p = null} deletes (Neptune's way to remove a property), and so does {@code REMOVE n.p},
 * which the translator writes as a SET to null. A value known only as the statement runs
 * ({@code SET n.p = m.q}) may be null, so such a SET both writes and deletes. Parameters are inlined by
 * the translator and decide as literals do. Labels ride on the same idiom with {@link CypherText}'s
 * marker keys: {@code SET n:L} writes and {@code REMOVE n:L} deletes, as the {@link LabelChangeStep}s
 * that replace them will.
 *
 * <p>A property write counts as a write only, where Gremlin's {@code property()} also deletes
 * ({@link dev.nereid.graph.gremlin.GremlinEffects}): an openCypher statement's removals are the ones it
 * spells out — REMOVE, SET to null, {@code SET n = {…}}, DELETE — and the translator writes each as a drop.
 */
final class CypherEffects {

    private CypherEffects() {
    }

    static QueryEffects of(Bytecode translated) {
        QueryEffects effects = QueryEffects.READ_ONLY;
        for (Bytecode.Instruction step : translated.getStepInstructions()) {
            effects = effects.and(ofStep(step));
        }
        return effects;
    }

    private static QueryEffects ofStep(Bytecode.Instruction step) {
        Object[] arguments = step.getArguments();
        if (step.getOperator().equals(GraphTraversal.Symbols.choose) && arguments.length >= 2
                && arguments.length <= 3 && ConstantFolding.allBytecode(arguments)) {
            return ofChoice(arguments);
        }
        QueryEffects effects = switch (step.getOperator()) {
            case GraphTraversal.Symbols.addV, GraphTraversal.Symbols.addE, GraphTraversal.Symbols.property ->
                    QueryEffects.WRITES;
            // The translator makes none; should one appear, it counts as in Gremlin (GremlinEffects).
            case GraphTraversal.Symbols.mergeV, GraphTraversal.Symbols.mergeE -> QueryEffects.WRITES_AND_DELETES;
            case GraphTraversal.Symbols.drop -> QueryEffects.DELETES;
            default -> QueryEffects.READ_ONLY;
        };
        for (Bytecode nested : NestedBytecode.in(arguments)) {
            effects = effects.and(of(nested));
        }
        return effects;
    }

    /** {@code choose(test, then[, otherwise])}: the test, and the branches it may take. */
    private static QueryEffects ofChoice(Object[] arguments) {
        Bytecode test = (Bytecode) arguments[0];
        QueryEffects then = of((Bytecode) arguments[1]);
        QueryEffects otherwise = arguments.length == 3 ? of((Bytecode) arguments[2]) : QueryEffects.READ_ONLY;
        QueryEffects taken = switch (ConstantFolding.yields(test)) {
            case SOMETHING -> then;
            case NOTHING -> otherwise;
            case UNKNOWN -> then.and(otherwise);
        };
        return of(test).and(taken);
    }
}
