package dev.nereid.rdf;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SparqlNestingTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
        "SELECT * WHERE { ?s ?p ?o } => 1",
        "SELECT * WHERE { ?s ?p ?o OPTIONAL { ?s ?p [ ?q ( 1 2 ) ] } FILTER((?o)) } => 4",
        // brackets in strings do not count, whichever of the four quotings, and an escaped quote does not end one
        "SELECT * WHERE { ?s ?p '((((', \"[[[[\", 'it\\'s (((', '\'\'a ' ((('\'\', \"\"\"b \"\" {{{\"\"\" } => 1",
        // two quotes alone are an empty string, not the start of a long one
        "SELECT * WHERE { ?s ?p '' . ?s ?q ( ( '' ) ) } => 3",
        // an IRI may hold brackets, even unbalanced ones
        "SELECT * WHERE { ?s <http://e/a(((b[> ?o } => 1",
        // a less-than is no IRI where what follows holds a space or a character IRIs exclude before any >
        "SELECT * WHERE { ?s ?p ?o FILTER(?o < ((1)) && ?o > 2) } => 4",
        "SELECT * WHERE { ?s ?p ?o FILTER(?o<((((1))))||?o>2) } => 6",
        // a comment runs to the end of its line
        "SELECT * WHERE { ?s ?p ?o } # ((((( => 1",
        // a backslash outside strings escapes, as in a prefixed name's local part
        "SELECT * WHERE { ?s ex:a\\' ((( ?o ))) } => 4",
        // an unbalanced closer does not hide the openers after it
        "} } } { { => 2",
    })
    void depthCountsBracketsOutsideStringsIrisAndComments(String text, int depth) {
        assertThat(SparqlNesting.depth(text)).isEqualTo(depth);
    }

    @Test
    void aCommentEndsAtTheLine() {
        assertThat(SparqlNesting.depth("SELECT * # {{{{\nWHERE { ?s ?p ?o }")).isEqualTo(1);
        assertThat(SparqlNesting.depth("SELECT * # {{{{\rWHERE { { ?s ?p ?o } }")).isEqualTo(2);
    }

    @Test
    void theLimitIsAHundredLevels() {
        assertThatCode(() -> SparqlNesting.check("SELECT * WHERE " + "{ ".repeat(100) + "?s ?p ?o" + " }".repeat(100),
                "query")).doesNotThrowAnyException();
        assertThatThrownBy(() -> SparqlNesting.check("SELECT * WHERE " + "{ ".repeat(101) + "?s ?p ?o"
                + " }".repeat(101), "query")).isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_QUERY);
                    assertThat(e.detailedMessage())
                            .isEqualTo("The query is nested too deeply to parse (more than 100 levels)");
                });
        assertThatThrownBy(() -> SparqlNesting.check("INSERT DATA { <a> <b> " + "(".repeat(101) + ")".repeat(101)
                + " }", "update")).isInstanceOfSatisfying(NereidException.class, e ->
                assertThat(e.detailedMessage())
                        .isEqualTo("The update is nested too deeply to parse (more than 100 levels)"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
        "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { ?s ?p ?o FILTER NOT EXISTS { ?o ?p ?s } } } => 2",
        "SELECT * WHERE { ?s ?p ?o FILTER(!exists{ ?s ?p ?o } && EXISTS { ?o ?p ?s }) } => 1",
        // a level closes with its group: siblings do not add up
        "SELECT * WHERE { FILTER EXISTS { } FILTER EXISTS { { } } FILTER NOT EXISTS { } } => 1",
        // groups inside an EXISTS that are not EXISTS groups themselves do not count
        "SELECT * WHERE { FILTER EXISTS { OPTIONAL { { ?s ?p ?o } } } } => 1",
        // no keyword inside a name, variable, string, IRI or comment
        "SELECT ?exists WHERE { ?exists ex:exists ex:notexists . ?s ?p 'EXISTS {' . ?s <http://e/EXISTS> ?o } => 0",
        "SELECT * WHERE { ?s ?p ?o } # FILTER EXISTS { => 0",
    })
    void existsLevelsAreTheGroupsOpenedByTheKeyword(String text, int exists) {
        assertThat(SparqlNesting.measure(text).exists()).isEqualTo(exists);
    }

    @Test
    void aCommentMayStandBetweenTheKeywordAndItsGroup() {
        assertThat(SparqlNesting.measure("SELECT * WHERE { FILTER EXISTS # why\n { FILTER EXISTS {} } }").exists())
                .isEqualTo(2);
    }

    @Test
    void theExistsLimitIsTenLevels() {
        assertThatCode(() -> SparqlNesting.check(nestedExists(10), "query")).doesNotThrowAnyException();
        assertThatThrownBy(() -> SparqlNesting.check(nestedExists(11), "query"))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_QUERY);
                    assertThat(e.detailedMessage())
                            .isEqualTo("The query nests EXISTS too deeply to plan (more than 10 levels)");
                });
        assertThatThrownBy(() -> SparqlNesting.check("INSERT { <http://e/a> <http://e/b> 1 } WHERE { "
                + "FILTER NOT EXISTS { ".repeat(11) + "}".repeat(11) + " }", "update"))
                .isInstanceOfSatisfying(NereidException.class, e -> assertThat(e.detailedMessage())
                        .isEqualTo("The update nests EXISTS too deeply to plan (more than 10 levels)"));
    }

    static String nestedExists(int levels) {
        return "SELECT * WHERE { ?s ?p ?o FILTER(" + "EXISTS { ?s ?p ?o FILTER(".repeat(levels) + "true"
                + ") }".repeat(levels) + ") }";
    }

    @Test
    void manyTriplesAreNotNesting() {
        assertThat(SparqlNesting.depth("INSERT DATA { " + "<http://e/s> <http://e/p> 1 . ".repeat(100_000) + "}"))
                .isEqualTo(1);
    }
}
