package dev.nereid.graph.cypher;

import org.apache.tinkerpop.gremlin.process.traversal.P;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.junit.jupiter.api.Test;
import org.opencypher.gremlin.translation.Tokens;

import java.util.List;
import java.util.Map;

import static dev.nereid.graph.cypher.ConstantFolding.Yield.NOTHING;
import static dev.nereid.graph.cypher.ConstantFolding.Yield.SOMETHING;
import static dev.nereid.graph.cypher.ConstantFolding.Yield.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

/** The translator's "is this value not null?" tests, as it writes them. */
class ConstantFoldingTest {

    private static ConstantFolding.Yield yields(Traversal<?, ?> test) {
        return ConstantFolding.yields(test.asAdmin().getBytecode());
    }

    private static Traversal<?, ?> notNull(Traversal<?, ?> value) {
        return __.start().map(value).is(P.neq(Tokens.NULL)).unfold();
    }

    @Test
    void literals() {
        assertThat(yields(__.constant(5).is(P.neq(Tokens.NULL)).unfold())).isEqualTo(SOMETHING);
        assertThat(yields(__.constant(Tokens.NULL).is(P.neq(Tokens.NULL)).unfold())).isEqualTo(NOTHING);
        assertThat(yields(__.constant(List.of()).is(P.neq(Tokens.NULL)).unfold())).isEqualTo(NOTHING);
        assertThat(yields(__.constant(List.of(1)).is(P.neq(Tokens.NULL)).unfold())).isEqualTo(SOMETHING);
        assertThat(yields(__.constant(Map.of()).is(P.neq(Tokens.NULL)).unfold())).isEqualTo(NOTHING);
        assertThat(yields(__.identity().constant(true))).isEqualTo(SOMETHING);
    }

    @Test
    void inlinedParameters() {
        assertThat(yields(__.choose(__.constant(5), __.constant(5), __.constant(Tokens.NULL))
                .is(P.neq(Tokens.NULL)).unfold())).isEqualTo(SOMETHING);
        assertThat(yields(__.choose(__.constant(Tokens.NULL), __.constant(Tokens.NULL), __.constant(Tokens.NULL))
                .is(P.neq(Tokens.NULL)).unfold())).isEqualTo(NOTHING);
        assertThat(yields(__.choose(__.constant(1), __.constant(2)))).isEqualTo(SOMETHING);
    }

    @Test
    void whatTheGraphDecidesIsUnknown() {
        assertThat(yields(__.select("m").values("y").is(P.neq(Tokens.NULL)).unfold())).isEqualTo(UNKNOWN);
        assertThat(yields(__.V().constant(1))).isEqualTo(UNKNOWN);
        assertThat(yields(__.choose(__.values("x"), __.constant(1), __.constant(2)))).isEqualTo(UNKNOWN);
        assertThat(yields(__.unfold())).isEqualTo(UNKNOWN);
        assertThat(yields(notNull(__.constant(5)))).isEqualTo(UNKNOWN);
    }
}
