package dev.nereid.bench.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.junit.jupiter.api.Test;

/**
 * The updates are read as Nereid reads them, with Jena's SPARQL 1.1 grammar: a typo would make every
 * update a 400, and a repeated subject would make some of them write nothing and take no commitNum.
 */
class InsertDataTest {

    @Test
    void everySmallUpdateInsertsItsOwnTwoTriples() {
        Set<Node> subjects = new HashSet<>();
        Set<Quad> all = new HashSet<>();
        for (long n = 1; n <= 1_000; n++) {
            List<Quad> quads = inserted(InsertData.small(n));
            assertThat(quads).hasSize(InsertData.TRIPLES_PER_UPDATE);
            assertThat(quads).allSatisfy(q -> assertThat(q.getSubject()).isEqualTo(quads.get(0).getSubject()));
            assertThat(subjects.add(quads.get(0).getSubject())).as("subject of update %d is new", n).isTrue();
            all.addAll(quads);
        }
        assertThat(all).hasSize(1_000 * InsertData.TRIPLES_PER_UPDATE);
    }

    @Test
    void theBulkUpdateInsertsExactlyAsManyDistinctTriplesAsAsked() {
        // Small enough for the SPARQL 1.1 grammar on a test thread's stack: it recurses once per triple.
        List<Quad> quads = inserted(InsertData.bulk(5_003));
        assertThat(quads).hasSize(5_003);
        assertThat(new HashSet<>(quads)).hasSize(5_003);
    }

    @Test
    void aMillionTriplesFitWellUnderTheServersBodyLimit() {
        int bytes = InsertData.bulk(1_000_000).getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).isLessThan(32 * 1024 * 1024);
    }

    private static List<Quad> inserted(String update) {
        UpdateRequest request = UpdateFactory.create(update, Syntax.syntaxSPARQL_11);
        assertThat(request.getOperations()).singleElement().isInstanceOf(UpdateDataInsert.class);
        return ((UpdateDataInsert) request.getOperations().get(0)).getQuads();
    }
}
