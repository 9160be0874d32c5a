package dev.nereid.rdf;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuadAgesTest {

    private static Quad q(String s) {
        return Quad.create(NQuadsLine.DEFAULT_GRAPH, NodeFactory.createURI("http://e/" + s),
                NodeFactory.createURI("http://e/p"), NodeFactory.createLiteralString(s));
    }

    @Test
    void ordersByTheAddThatStoredEachQuadAndUnknownQuadsLastInTheirOrder() {
        QuadAges ages = new QuadAges();
        ages.apply(List.of(), List.of(q("c"), q("a")));
        ages.apply(List.of(), List.of(q("b")));
        ages.apply(List.of(q("c")), List.of(q("c")));
        assertThat(ages.oldestFirst(List.of(q("x"), q("c"), q("b"), q("y"), q("a"))))
                .containsExactly(q("a"), q("b"), q("c"), q("x"), q("y"));
        assertThat(QuadAges.inAgeOrder(ages.copy())).containsExactly(q("a"), q("b"), q("c"));
    }

    @Test
    void undoingABatchPutsEveryAgeBack() {
        QuadAges ages = new QuadAges();
        ages.apply(List.of(), List.of(q("a"), q("b"), q("c")));
        ages.beginBatch();
        ages.apply(List.of(q("a")), List.of(q("d")));
        ages.apply(List.of(q("b"), q("d")), List.of(q("a"), q("e")));
        ages.undoBatch();
        assertThat(QuadAges.inAgeOrder(ages.copy())).containsExactly(q("a"), q("b"), q("c"));
        // Numbering goes on where it was: a quad added now is the newest, as replay would number it.
        ages.apply(List.of(), List.of(q("z")));
        assertThat(ages.copy()).contains(java.util.Map.entry(q("z"), 3L));
    }
}
