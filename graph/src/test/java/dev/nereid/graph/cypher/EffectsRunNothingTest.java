package dev.nereid.graph.cypher;

import dev.nereid.graph.GraphFixture;
import dev.nereid.graph.capture.PgChange;
import dev.nereid.graph.gremlin.GremlinEffects;
import org.apache.tinkerpop.gremlin.structure.T;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.nereid.graph.gremlin.QueryEffects.DELETES;
import static dev.nereid.graph.gremlin.QueryEffects.WRITES;
import static dev.nereid.graph.gremlin.QueryEffects.WRITES_AND_DELETES;
import static org.assertj.core.api.Assertions.assertThat;

/** Classifying a request that writes and deletes leaves the graph, its transaction and its log as they were. */
class EffectsRunNothingTest {

    private final GraphFixture f = new GraphFixture();

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    @Test
    void classificationRunsNothing() {
        f.run("g.addV('Person').property(id, 'v1').property('name', 'ann').as('a')"
                + ".addV('Person').property(id, 'v2').as('b').addE('KNOWS').from('a').to('b').property(id, 'e1')");
        List<PgChange> before = f.graph.content();
        List<String> commit1 = f.lines(1);
        OpenCypher cypher = new OpenCypher(f.graph, f.clock::millis);

        assertThat(GremlinEffects.ofScript("g.V().drop().iterate(); g.addV('X').property(id, 'x1').next(); "
                + "g.V('v1').property(single, 'name', 'bob')")).isEqualTo(WRITES_AND_DELETES);
        assertThat(cypher.effects("MATCH (n) DETACH DELETE n", Map.of())).isEqualTo(DELETES);
        assertThat(cypher.effects("CREATE (:X {`~id`: 'x2', a: 1})", Map.of())).isEqualTo(WRITES);
        assertThat(cypher.effects("MATCH (n:Person {name: 'ann'}) SET n.name = 'bob', n:Admin REMOVE n:Person",
                Map.of())).isEqualTo(WRITES_AND_DELETES);

        assertThat(f.graph.tx().isOpen()).isFalse();
        assertThat(f.lastCommitNum()).isEqualTo(1);
        assertThat(f.lines(1)).isEqualTo(commit1);
        assertThat(f.graph.content()).isEqualTo(before);
        assertThat(f.g.V().order().by(T.id).id().toList()).containsExactly("v1", "v2");
        assertThat(f.g.V("v1").values("name").toList()).containsExactly("ann");
        assertThat(f.g.V("v1").label().toList()).containsExactly("Person");
        f.graph.tx().rollback();
    }
}
