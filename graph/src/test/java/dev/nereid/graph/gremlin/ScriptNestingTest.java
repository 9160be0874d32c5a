package dev.nereid.graph.gremlin;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScriptNestingTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "g.V() | 1",
        "g | 0",
        "g.V().where(__.out().has('a', P.within([1, [2, {3}]]))) | 6",
        // brackets in strings do not count, whatever the quote, and an escaped quote does not end a string
        "g.inject('((((', \"[[[[\", 'it\\'s (((', \"say \\\"(((\\\"\") | 1",
        // nor in a comment
        "g.V() // (((( | 1",
        "g.inject(1) / ((( | 3",
        // an unbalanced closer does not hide the openers after it
        "g.V())))).out(((( | 4",
        // a string never closed hides what follows: the lexer stops there too
        "g.inject('(((( | 1",
    })
    void depthCountsBracketsOutsideStringsAndComments(String script, int depth) {
        assertThat(ScriptNesting.depth(script)).isEqualTo(depth);
    }

    @Test
    void aCommentEndsAtTheLine() {
        assertThat(ScriptNesting.depth("g.V() // ((((\n.out()")).isEqualTo(1);
        assertThat(ScriptNesting.depth("g.V() // ((((\r.out(((")).isEqualTo(3);
    }

    @Test
    void theLimitIsAHundredLevels() {
        assertThatCode(() -> ScriptNesting.check("g.inject(" + "[".repeat(99) + "1" + "]".repeat(99) + ")"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ScriptNesting.check("g.inject(" + "[".repeat(100) + "1" + "]".repeat(100) + ")"))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_QUERY);
                    assertThat(e.detailedMessage())
                            .isEqualTo("The query is nested too deeply to parse (more than 100 levels)");
                });
    }

    @Test
    void aLongFlatScriptIsNotNested() {
        assertThat(ScriptNesting.depth("g.inject(" + "[1],".repeat(100_000) + "[1])")).isEqualTo(2);
    }
}
