package dev.nereid.graph.gremlin;

import dev.nereid.graph.GraphFixture;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import org.apache.tinkerpop.gremlin.language.grammar.GremlinAntlrToJava;
import org.apache.tinkerpop.gremlin.language.grammar.GremlinQueryParser;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.step.Deleting;
import org.apache.tinkerpop.gremlin.process.traversal.step.Writing;
import org.apache.tinkerpop.gremlin.process.traversal.util.TraversalHelper;
import org.apache.tinkerpop.gremlin.structure.util.empty.EmptyGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.stream.Stream;

import static dev.nereid.graph.gremlin.QueryEffects.DELETES;
import static dev.nereid.graph.gremlin.QueryEffects.READ_ONLY;
import static dev.nereid.graph.gremlin.QueryEffects.WRITES;
import static dev.nereid.graph.gremlin.QueryEffects.WRITES_AND_DELETES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Scripts as clients send them, and what each may do to the data. */
class GremlinEffectsTest {

    static Stream<Arguments> scripts() {
        return Stream.of(
                // Neptune's documented examples
                Arguments.of("g.V().count()", READ_ONLY),
                Arguments.of("g.addV()", WRITES),
                Arguments.of("g.V('1').as('a').out('created').addE('createdBy').to('a')", WRITES),
                Arguments.of("g.V().drop()", DELETES),
                Arguments.of("g.V('1').property(single, 'key1', 'value1')", WRITES_AND_DELETES),
                // reads
                Arguments.of("g.V('1').out('knows').values('name')", READ_ONLY),
                Arguments.of("g.V().hasLabel('person').order().by('name', desc).limit(2).valueMap()", READ_ONLY),
                Arguments.of("g.V().repeat(out()).times(2).path().by('name')", READ_ONLY),
                Arguments.of("g.V().group().by(label).by(count())", READ_ONLY),
                Arguments.of("g.E().has('weight', gt(0.5)).count()", READ_ONLY),
                Arguments.of("g.withSideEffect('a', []).V().aggregate('a').cap('a')", READ_ONLY),
                Arguments.of("g.withStrategies(ReadOnlyStrategy).V()", READ_ONLY),
                Arguments.of("g.inject(1, 2, 3).sum()", READ_ONLY),
                Arguments.of("g.call()", READ_ONLY),
                Arguments.of("g.io('out.xml').write()", READ_ONLY),
                Arguments.of("g", READ_ONLY),
                Arguments.of("g.tx().commit()", READ_ONLY),
                // writes
                Arguments.of("g.addE('knows').from(V('1')).to(V('2'))", WRITES),
                Arguments.of("g.V('1').addE('knows').to(V('2')).property('weight', 1)", WRITES_AND_DELETES),
                Arguments.of("g.addV('person').property('name', 'marko')", WRITES_AND_DELETES),
                Arguments.of("g.V('1').property('age', 30)", WRITES_AND_DELETES),
                Arguments.of("g.V('1').property(['a': 1, 'b': 2])", WRITES_AND_DELETES),
                Arguments.of("g.mergeV(['name': 'marko'])", WRITES_AND_DELETES),
                Arguments.of("g.mergeV(['name': 'marko']).option(Merge.onCreate, ['age': 29])", WRITES_AND_DELETES),
                Arguments.of("g.mergeV(['name': 'marko']).option(Merge.onMatch, ['age': 30])", WRITES_AND_DELETES),
                Arguments.of("g.mergeE([(T.label): 'knows', (Direction.from): '1', (Direction.to): '2'])", WRITES_AND_DELETES),
                Arguments.of("g.mergeE([(T.label): 'knows', (Direction.from): '1', (Direction.to): '2'])"
                        + ".option(Merge.onMatch, ['weight': 2])", WRITES_AND_DELETES),
                Arguments.of("g.V('1').fold().coalesce(unfold(), addV('person'))", WRITES),
                Arguments.of("g.V().coalesce(V('1'), addV('person'))", WRITES),
                Arguments.of("g.V().sideEffect(addV('log'))", WRITES),
                Arguments.of("g.inject(['name': 'a']).mergeV(identity())", WRITES_AND_DELETES),
                Arguments.of("g.inject(1).addV('n')", WRITES),
                Arguments.of("g.io('data.xml').read()", WRITES),
                Arguments.of("g.addV('person').next()", WRITES),
                Arguments.of("g.addV('person').toString()", WRITES),
                // deletes
                Arguments.of("g.E().drop()", DELETES),
                Arguments.of("g.V().properties('x').drop()", DELETES),
                Arguments.of("g.V().union(identity(), drop())", DELETES),
                Arguments.of("g.V().choose(has('x'), drop(), identity())", DELETES),
                Arguments.of("g.V().local(properties('a').drop())", DELETES),
                // both, nested and across traversals
                Arguments.of("g.V().sideEffect(union(addV('a'), V().drop()))", WRITES_AND_DELETES),
                Arguments.of("g.addV(); g.V().drop()", WRITES_AND_DELETES),
                Arguments.of("g.V().count()\ng.V().drop()\ng.V().count()", DELETES),
                Arguments.of("g.addV('a').iterate(); g.V().count()", WRITES),
                // variables, unbound: taken as null
                Arguments.of("g.V(vid).property('name', newName)", WRITES_AND_DELETES),
                Arguments.of("g.addV(vertexLabel).property(id, vid)", WRITES_AND_DELETES),
                Arguments.of("g.V(vid).out(edgeLabel)", READ_ONLY),
                Arguments.of("g.V(vid).drop()", DELETES),
                Arguments.of("g.V(vids).has(key, gt(low)).order().by(key, direction).range(lo, hi).limit(n)", READ_ONLY),
                Arguments.of("g.mergeV(matchMap).option(Merge.onCreate, createMap)", WRITES_AND_DELETES),
                Arguments.of("g.V(vid).addE(edgeLabel).to(V(other)).property(key, value)", WRITES_AND_DELETES),
                Arguments.of("g.inject(rows).unfold().addV(vertexLabel)", WRITES));
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void classifiesScripts(String script, QueryEffects expected) {
        assertThat(GremlinEffects.ofScript(script)).isEqualTo(expected);
    }

    /** Whatever TinkerPop builds a Writing or Deleting step for is counted as such (a check on the step names). */
    @ParameterizedTest
    @MethodSource("scripts")
    void agreesWithTinkerPopsMutatingSteps(String script, QueryEffects expected) {
        Object built;
        try {
            built = GremlinQueryParser.parse(script, new GremlinAntlrToJava(EmptyGraph.instance().traversal(),
                    UnboundVariables.over(Map.of())));
        } catch (UnsupportedOperationException e) {
            // TinkerPop's visitor runs terminal methods and transactions, which need a graph.
            assumeThat(e).isNull();
            return;
        }
        if (built instanceof Traversal<?, ?> t) {
            boolean writing = !TraversalHelper.getStepsOfAssignableClassRecursively(Writing.class, t.asAdmin()).isEmpty();
            boolean deleting = !TraversalHelper.getStepsOfAssignableClassRecursively(Deleting.class, t.asAdmin()).isEmpty();
            assertThat(expected.writes() || !writing).as("writes").isTrue();
            assertThat(expected.deletes() || !deleting).as("deletes").isTrue();
        }
    }

    @Test
    void bindingsGiveVariablesTheirValues() {
        assertThat(GremlinEffects.ofScript("g.V(vid).limit(n).property(k, v)",
                Map.of("vid", "1", "n", 2, "k", "name", "v", "x"))).isEqualTo(WRITES_AND_DELETES);
        assertThat(GremlinEffects.ofScript("g.V(vid).range(lo, hi).values('name')",
                Map.of("vid", "1", "lo", 0, "hi", 2))).isEqualTo(READ_ONLY);
    }

    @Test
    void aScriptThatDoesNotParseIsAMalformedQuery() {
        assertThatThrownBy(() -> GremlinEffects.ofScript("g.addV('a'); g.V("))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_QUERY);
                    assertThat(e.getMessage()).isEqualTo("Failed to interpret Gremlin query: Query parsing failed at "
                            + "line 1, character position at 17, error message : no viable alternative at input 'g.V('");
                });
        assertThatThrownBy(() -> GremlinEffects.ofScript("g.addE('x').property(list, 'k', 1)"))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_QUERY);
                    assertThat(e.getMessage()).isEqualTo("Multi-property cardinality of [list] can only be set for "
                            + "a Vertex but is being used for addE() with key: k");
                });
    }

    /** Evaluation fails on the graph Nereid runs; classification must fail the same way without one. */
    @ParameterizedTest
    @ValueSource(strings = {
            "g.V(",
            "g.V().foo()",
            "g.addV(); g.V(",
            "g.V().has('a', within(1,)",
            "x.V()",
            "g.withStrategies(NoSuchStrategy).V()",
            "g.V().limit('two')",
            "g.V().option('a', out())",
            "g.addE('x').property(list, 'k', 1)",
            "g.V().has(id, within(1, 2)).option(1, out())",
            ""
    })
    void malformedScriptsFailAsEvaluationDoes(String script) throws Exception {
        NereidException evaluation;
        try (GraphFixture f = new GraphFixture()) {
            evaluation = catchThrowableOfType(NereidException.class, () -> f.run(script));
        }
        NereidException classification = catchThrowableOfType(NereidException.class,
                () -> GremlinEffects.ofScript(script));
        assertThat(classification).isNotNull();
        assertThat(classification.errorCode()).isEqualTo(evaluation.errorCode());
        assertThat(classification.getMessage()).isEqualTo(evaluation.getMessage());
    }
}
