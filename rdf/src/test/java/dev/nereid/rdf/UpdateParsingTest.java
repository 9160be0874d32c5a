package dev.nereid.rdf;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpdateParsingTest {

    /** Jena wraps this parse error in a QueryException, unlike the others; it is told the same way. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "INSERT DATA { foo:a foo:b foo:c } | Line 1, column 15: Unresolved prefixed name: foo:a",
        "DELETE WHERE { foo:a ?p ?o } | Line 1, column 16: Unresolved prefixed name: foo:a",
        "PREFIX ex: <http://e/> INSERT DATA { ex:a ex:b bar:c } | Line 1, column 48: Unresolved prefixed name: bar:c",
    })
    void anUndeclaredPrefixIsAMalformedQueryWithJenasPosition(String update, String message) {
        assertThatThrownBy(() -> UpdateParsing.parse(update)).isInstanceOfSatisfying(NereidException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_QUERY);
            assertThat(e.detailedMessage()).isEqualTo(message);
        });
    }

    @Test
    void anUndeclaredPrefixInALargeUpdateIsToldTheSameWay() {
        // Over 16 KiB the parse runs on a thread of its own; its failure reaches the caller unchanged.
        String update = "INSERT DATA { " + "<http://e/s> <http://e/p> 1 . ".repeat(1_000) + "foo:a foo:b foo:c }";
        assertThatThrownBy(() -> UpdateParsing.parse(update)).isInstanceOfSatisfying(NereidException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_QUERY);
            assertThat(e.detailedMessage()).isEqualTo("Line 1, column 30015: Unresolved prefixed name: foo:a");
        });
    }

    @Test
    void aSyntaxErrorKeepsJenasMessage() {
        assertThatThrownBy(() -> UpdateParsing.parse("INSERT DATA { <http://e/a> <http://e/b> }"))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_QUERY);
                    assertThat(e.detailedMessage()).startsWith("Encountered \" \"}\" \"} \"\" at line 1, column 41.");
                });
    }

    @Test
    void anUpdateNestedTooDeeplyIsRefusedBeforeItIsParsed() {
        String deep = "INSERT { <http://e/a> <http://e/b> ?o } WHERE " + "{ ?s ?p ?o OPTIONAL ".repeat(1_000)
                + "{ ?s ?p ?o }" + " }".repeat(1_000);
        assertThatThrownBy(() -> UpdateParsing.parse(deep)).isInstanceOfSatisfying(NereidException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_QUERY);
            assertThat(e.detailedMessage()).isEqualTo("The update is nested too deeply to parse (more than 100 levels)");
        });
        String atTheLimit = "INSERT { <http://e/a> <http://e/b> ?o } WHERE " + "{ ?s ?p ?o OPTIONAL ".repeat(99)
                + "{ ?s ?p ?o }" + " }".repeat(99);
        assertThat(UpdateParsing.parse(atTheLimit).getOperations()).hasSize(1);
    }
}
