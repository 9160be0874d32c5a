package dev.nereid.graph.gremlin;

import org.apache.tinkerpop.gremlin.language.grammar.GremlinParser;
import org.apache.tinkerpop.gremlin.language.grammar.VariableResolver;
import org.apache.tinkerpop.gremlin.process.traversal.DT;
import org.apache.tinkerpop.gremlin.process.traversal.Merge;
import org.apache.tinkerpop.gremlin.process.traversal.Operator;
import org.apache.tinkerpop.gremlin.process.traversal.Order;
import org.apache.tinkerpop.gremlin.process.traversal.Pop;
import org.apache.tinkerpop.gremlin.process.traversal.SackFunctions;
import org.apache.tinkerpop.gremlin.process.traversal.Scope;
import org.apache.tinkerpop.gremlin.structure.Column;
import org.apache.tinkerpop.gremlin.structure.Direction;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;
import org.apache.tinkerpop.gremlin.structure.util.reference.ReferenceVertex;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Variables for a script that is only built, never run: a bound variable has its value; an unbound one
 * stands in as a value of the kind its argument takes, so the script builds as it would with a real
 * binding. A null would not do: {@code addV(l)} and {@code property(id, v)} refuse one as they are built.
 */
final class UnboundVariables {

    /** By the grammar rule the variable stands in: a value of its kind (strings and literals: the variable's name). */
    private static final Map<Class<?>, Function<String, Object>> STAND_INS = Map.ofEntries(
            Map.entry(GremlinParser.StringArgumentContext.class, name -> name),
            Map.entry(GremlinParser.StringNullableArgumentContext.class, name -> name),
            Map.entry(GremlinParser.GenericLiteralArgumentContext.class, name -> name),
            Map.entry(GremlinParser.IntegerArgumentContext.class, name -> 0),
            Map.entry(GremlinParser.FloatArgumentContext.class, name -> 0.0d),
            Map.entry(GremlinParser.BooleanArgumentContext.class, name -> false),
            Map.entry(GremlinParser.DateArgumentContext.class, name -> new Date(0)),
            Map.entry(GremlinParser.GenericLiteralListArgumentContext.class, name -> new ArrayList<>()),
            Map.entry(GremlinParser.GenericLiteralMapArgumentContext.class, name -> new LinkedHashMap<>()),
            Map.entry(GremlinParser.GenericLiteralMapNullableArgumentContext.class, name -> new LinkedHashMap<>()),
            Map.entry(GremlinParser.StructureVertexArgumentContext.class,
                    name -> new ReferenceVertex(name, Vertex.DEFAULT_LABEL)),
            Map.entry(GremlinParser.TraversalCardinalityArgumentContext.class, name -> VertexProperty.Cardinality.single),
            Map.entry(GremlinParser.TraversalMergeArgumentContext.class, name -> Merge.onCreate),
            Map.entry(GremlinParser.TraversalDirectionArgumentContext.class, name -> Direction.OUT),
            Map.entry(GremlinParser.TraversalOrderArgumentContext.class, name -> Order.asc),
            Map.entry(GremlinParser.TraversalComparatorArgumentContext.class, name -> Order.asc),
            Map.entry(GremlinParser.TraversalScopeArgumentContext.class, name -> Scope.global),
            Map.entry(GremlinParser.TraversalTokenArgumentContext.class, name -> T.id),
            Map.entry(GremlinParser.TraversalFunctionArgumentContext.class, name -> T.id),
            Map.entry(GremlinParser.TraversalPopArgumentContext.class, name -> Pop.last),
            Map.entry(GremlinParser.TraversalDTArgumentContext.class, name -> DT.day),
            Map.entry(GremlinParser.TraversalColumnArgumentContext.class, name -> Column.keys),
            Map.entry(GremlinParser.TraversalBiFunctionArgumentContext.class, name -> Operator.sum),
            Map.entry(GremlinParser.TraversalSackMethodArgumentContext.class, name -> SackFunctions.Barrier.normSack));

    private UnboundVariables() {
    }

    static VariableResolver over(Map<String, ?> bindings) {
        return (name, context) -> {
            if (bindings.containsKey(name)) {
                return bindings.get(name);
            }
            Function<String, Object> standIn = context.getParent() == null ? null : STAND_INS.get(context.getParent().getClass());
            return standIn == null ? null : standIn.apply(name);
        };
    }
}
