package dev.nereid.rdf;

import org.apache.jena.query.Syntax;
import org.apache.jena.update.UpdateFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.nereid.rdf.UpdateEffects.DELETES;
import static dev.nereid.rdf.UpdateEffects.READ_ONLY;
import static dev.nereid.rdf.UpdateEffects.WRITES;
import static dev.nereid.rdf.UpdateEffects.WRITES_AND_DELETES;
import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of SPARQL 1.1 update operation, and what it may do to the data. */
class UpdateEffectsTest {

    private static final String EX = "PREFIX ex: <http://example.org/> ";

    static Stream<Arguments> updates() {
        return Stream.of(
                Arguments.of("INSERT DATA { ex:s ex:p ex:o }", WRITES),
                Arguments.of("INSERT DATA { GRAPH ex:g { ex:s ex:p 1 } }", WRITES),
                Arguments.of("DELETE DATA { ex:s ex:p ex:o }", DELETES),
                Arguments.of("DELETE WHERE { ?s ex:p ?o }", DELETES),
                Arguments.of("DELETE { ?s ex:p ?o } INSERT { ?s ex:q ?o } WHERE { ?s ex:p ?o }", WRITES_AND_DELETES),
                Arguments.of("INSERT { ?s ex:q ?o } WHERE { ?s ex:p ?o }", WRITES),
                Arguments.of("DELETE { ?s ex:p ?o } WHERE { ?s ex:p ?o }", DELETES),
                Arguments.of("WITH ex:g DELETE { ?s ex:p ?o } WHERE { ?s ex:p ?o }", DELETES),
                Arguments.of("DELETE { } INSERT { ?s ex:q ?o } WHERE { ?s ex:p ?o }", WRITES),
                Arguments.of("DELETE { ?s ex:p ?o } INSERT { } WHERE { ?s ex:p ?o }", DELETES),
                Arguments.of("CLEAR GRAPH ex:g", DELETES),
                Arguments.of("CLEAR SILENT DEFAULT", DELETES),
                Arguments.of("CLEAR ALL", DELETES),
                Arguments.of("DROP GRAPH ex:g", DELETES),
                Arguments.of("DROP NAMED", DELETES),
                Arguments.of("LOAD <file:data.nt>", WRITES),
                Arguments.of("LOAD SILENT <file:data.nt> INTO GRAPH ex:g", WRITES),
                Arguments.of("ADD ex:a TO ex:b", WRITES),
                Arguments.of("CREATE GRAPH ex:g", WRITES),
                Arguments.of("COPY ex:a TO ex:b", WRITES_AND_DELETES),
                Arguments.of("COPY DEFAULT TO ex:b", WRITES_AND_DELETES),
                Arguments.of("MOVE ex:a TO ex:b", WRITES_AND_DELETES),
                Arguments.of("INSERT DATA { ex:s ex:p 1 } ; DELETE DATA { ex:s ex:p 2 }", WRITES_AND_DELETES),
                Arguments.of("INSERT DATA { ex:s ex:p 1 } ; CREATE GRAPH ex:g ; ADD ex:a TO ex:b", WRITES),
                Arguments.of("", READ_ONLY));
    }

    @ParameterizedTest
    @MethodSource("updates")
    void classifiesOperations(String update, UpdateEffects expected) {
        assertThat(UpdateEffects.of(UpdateFactory.create(EX + update, Syntax.syntaxSPARQL_11))).isEqualTo(expected);
    }
}
