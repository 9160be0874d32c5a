package dev.nereid.server.opencypher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CypherNestingTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
        "MATCH (n) RETURN n => 1",
        "MATCH (n:Person {name: 'x', tags: [[1]]})-[r]->(m) WHERE (n.age > (1)) RETURN [x IN [1] | x] => 4",
        // brackets in strings and quoted names do not count, and an escaped quote does not end a string
        "RETURN '((((' AS a, \"[[[[\" AS b, 'it\\'s (((' AS c, `col (((` AS `d``{{` => 0",
        // nor in comments
        "RETURN 1 /* (((( */ AS x // [[[[ => 0",
        "RETURN (1) / (2) AS x => 1",
        // an unbalanced closer does not hide the openers after it
        "RETURN ))) ((( => 3",
        // a string never closed hides what follows: the parser stops there too
        "RETURN '((( => 0",
    })
    void depthCountsBracketsOutsideStringsNamesAndComments(String statement, int depth) {
        assertThat(CypherNesting.depth(statement)).isEqualTo(depth);
    }

    @Test
    void aLineCommentEndsAtTheLine() {
        assertThat(CypherNesting.depth("MATCH (n) // ((((\nRETURN [n]")).isEqualTo(1);
        assertThat(CypherNesting.depth("MATCH (n) // ((((\rRETURN [[n]]")).isEqualTo(2);
        assertThat(CypherNesting.depth("MATCH (n) /* ((((")).isEqualTo(1);
    }

    @Test
    void theLimitIsAHundredLevels() {
        assertThatCode(() -> CypherNesting.check("RETURN " + "(".repeat(100) + "1" + ")".repeat(100) + " AS x"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> CypherNesting.check("RETURN " + "[".repeat(101) + "]".repeat(101) + " AS x"))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_QUERY);
                    assertThat(e.detailedMessage())
                            .isEqualTo("The query is nested too deeply to parse (more than 100 levels)");
                });
    }
}
