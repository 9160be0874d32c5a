package dev.nereid.graph.gremlin;

import org.apache.tinkerpop.gremlin.process.traversal.Bindings;
import org.apache.tinkerpop.gremlin.process.traversal.Bytecode;
import org.apache.tinkerpop.gremlin.process.traversal.Merge;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.apache.tinkerpop.gremlin.process.traversal.strategy.verification.ReadOnlyStrategy;
import org.apache.tinkerpop.gremlin.structure.Direction;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.structure.util.empty.EmptyGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.nereid.graph.gremlin.QueryEffects.DELETES;
import static dev.nereid.graph.gremlin.QueryEffects.READ_ONLY;
import static dev.nereid.graph.gremlin.QueryEffects.WRITES;
import static dev.nereid.graph.gremlin.QueryEffects.WRITES_AND_DELETES;
import static org.apache.tinkerpop.gremlin.structure.VertexProperty.Cardinality.single;
import static org.assertj.core.api.Assertions.assertThat;

/** Traversals as GLV clients send them: bytecode. */
class GremlinBytecodeEffectsTest {

    private static final GraphTraversalSource g = EmptyGraph.instance().traversal();

    static Stream<Arguments> traversals() {
        Bindings b = Bindings.instance();
        return Stream.of(
                Arguments.of(g.V().count(), READ_ONLY),
                Arguments.of(g.V("1").out("knows").values("name"), READ_ONLY),
                Arguments.of(g.V().group().by(T.label).by(__.count()), READ_ONLY),
                Arguments.of(g.inject(1, 2).sum(), READ_ONLY),
                Arguments.of(g.withSideEffect("a", __.addV("never")).V().count(), READ_ONLY),
                Arguments.of(g.withStrategies(ReadOnlyStrategy.instance()).V(), READ_ONLY),
                Arguments.of(g.addV(), WRITES),
                Arguments.of(g.V("1").as("a").out("created").addE("createdBy").to("a"), WRITES),
                Arguments.of(g.addE("knows").from(__.V("1")).to(__.V("2")), WRITES),
                Arguments.of(g.V().coalesce(__.V("1"), __.addV("person")), WRITES),
                Arguments.of(g.V().sideEffect(__.addE("x").to(__.V("2"))), WRITES),
                Arguments.of(g.V(b.of("id", "1")).union(b.of("t", __.addV("bound"))), WRITES),
                Arguments.of(g.V("1").property(single, "key1", "value1"), WRITES_AND_DELETES),
                Arguments.of(g.addV("person").property("name", "marko"), WRITES_AND_DELETES),
                Arguments.of(g.mergeV(Map.of("name", "marko")), WRITES_AND_DELETES),
                Arguments.of(g.mergeV(Map.of("name", "marko")).option(Merge.onMatch, Map.of("age", 30)), WRITES_AND_DELETES),
                Arguments.of(g.mergeE(Map.of(T.label, "knows", Direction.from, "1", Direction.to, "2")), WRITES_AND_DELETES),
                Arguments.of(g.V().drop(), DELETES),
                Arguments.of(g.V().union(__.identity(), __.drop()), DELETES),
                Arguments.of(g.V().properties("x").drop(), DELETES),
                Arguments.of(g.V().local(__.optional(__.out().drop())), DELETES),
                Arguments.of(g.V().sideEffect(__.union(__.addV("a"), __.V().drop())), WRITES_AND_DELETES));
    }

    @ParameterizedTest
    @MethodSource("traversals")
    void classifiesBytecode(Traversal<?, ?> traversal, QueryEffects expected) {
        assertThat(GremlinEffects.of(traversal.asAdmin().getBytecode())).isEqualTo(expected);
    }

    @Test
    void findsTraversalsWhereverArgumentsHoldThem() {
        Bytecode addV = __.addV("a").asAdmin().getBytecode();
        Bytecode drop = __.drop().asAdmin().getBytecode();
        Bytecode out = __.out().asAdmin().getBytecode();
        Bytecode in = __.in().asAdmin().getBytecode();
        Traversal<?, ?> both = __.both();
        Object[] arguments = {"name", 1, addV, both, List.of(drop), Map.of(out, "v"), new Object[] {in},
                new Bytecode.Binding<>("x", Set.of(addV))};
        assertThat(NestedBytecode.in(arguments)).containsExactly(addV, both.asAdmin().getBytecode(), drop, out, in, addV);
    }

    @Test
    void sourceInstructionsAreNotSteps() {
        Bytecode bytecode = new Bytecode();
        bytecode.addSource("withSideEffect", "a", __.addV().asAdmin().getBytecode());
        bytecode.addSource("addV");
        assertThat(GremlinEffects.of(bytecode)).isEqualTo(READ_ONLY);
    }
}
