package dev.nereid.graph.cypher;

import dev.nereid.graph.GraphFixture;
import dev.nereid.graph.gremlin.QueryEffects;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static dev.nereid.graph.gremlin.QueryEffects.DELETES;
import static dev.nereid.graph.gremlin.QueryEffects.READ_ONLY;
import static dev.nereid.graph.gremlin.QueryEffects.WRITES;
import static dev.nereid.graph.gremlin.QueryEffects.WRITES_AND_DELETES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** openCypher statements as clients send them, and what each may do to the data. */
class CypherEffectsTest {

    private final GraphFixture f = new GraphFixture();
    private final OpenCypher cypher = new OpenCypher(f.graph, f.clock::millis);

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    static Stream<Arguments> statements() {
        return Stream.of(
                Arguments.of("MATCH (n) RETURN n", READ_ONLY),
                Arguments.of("MATCH (n:Person)-[:KNOWS]->(m) WHERE n.age > 30 RETURN m.name ORDER BY m.name LIMIT 5",
                        READ_ONLY),
                Arguments.of("MATCH (n) WITH n, count(*) AS c RETURN c", READ_ONLY),
                Arguments.of("MATCH (n) WHERE n.name = 'set or remove' RETURN n", READ_ONLY),
                Arguments.of("RETURN datetime('2025-01-01T00:00:00Z') AS d", READ_ONLY),
                Arguments.of("CREATE (n:Person {name: 'ann'})", WRITES),
                Arguments.of("CREATE (n {a: null})", WRITES),
                Arguments.of("CREATE (a)-[:R]->(b)", WRITES),
                Arguments.of("CREATE (n:A:B {`~id`: 'x', p: 1}) RETURN n", WRITES),
                Arguments.of("MERGE (n:Person {name: 'ann'})", WRITES),
                Arguments.of("MERGE (n:Person {name: 'ann'}) ON CREATE SET n.created = 1 ON MATCH SET n.seen = 2", WRITES),
                Arguments.of("MATCH (a), (b) MERGE (a)-[r:R]->(b) ON MATCH SET r.w = 1", WRITES),
                Arguments.of("UNWIND [1, 2] AS x CREATE (:N {v: x})", WRITES),
                Arguments.of("MATCH (n) SET n.age = 41", WRITES),
                Arguments.of("MATCH (n) SET n:Manager", WRITES),
                Arguments.of("MATCH (n) SET n += {a: 1, b: 'two'}", WRITES),
                Arguments.of("OPTIONAL MATCH (n:Q) SET n.z = 3", WRITES),
                Arguments.of("MATCH (n) REMOVE n.age", DELETES),
                Arguments.of("MATCH (n) REMOVE n:Admin", DELETES),
                Arguments.of("MATCH (n) SET n.x = null", DELETES),
                Arguments.of("MATCH (n) SET n.x = []", DELETES),
                Arguments.of("MATCH (n) DELETE n", DELETES),
                Arguments.of("MATCH (n) DETACH DELETE n", DELETES),
                Arguments.of("MATCH ()-[r:R]->() DELETE r", DELETES),
                Arguments.of("MATCH (n) SET n += {a: 1, b: null}", WRITES_AND_DELETES),
                Arguments.of("MATCH (n) SET n = {a: 1}", WRITES_AND_DELETES),
                Arguments.of("MATCH (n), (m) SET n.x = m.y", WRITES_AND_DELETES),
                Arguments.of("MATCH (n) SET n.x = n.x + 1", WRITES_AND_DELETES),
                Arguments.of("MATCH (a:Person {name: 'ann'}) SET a.age = 41, a:Manager REMOVE a:Admin", WRITES_AND_DELETES),
                Arguments.of("CREATE (n:A) WITH n MATCH (m:B) DETACH DELETE m", WRITES_AND_DELETES));
    }

    @ParameterizedTest
    @MethodSource("statements")
    void classifiesStatements(String statement, QueryEffects expected) {
        assertThat(cypher.effects(statement, Map.of())).isEqualTo(expected);
    }

    @Test
    void parametersDecideAsLiteralsDo() {
        Map<String, Object> nothing = new HashMap<>();
        nothing.put("v", null);
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("a", 1);
        withNull.put("b", null);
        String set = "MATCH (n) SET n.x = $v";
        assertThat(cypher.effects(set, Map.of("v", 5))).isEqualTo(WRITES);
        assertThat(cypher.effects(set, nothing)).isEqualTo(DELETES);
        assertThat(cypher.effects(set, Map.of())).isEqualTo(DELETES);
        assertThat(cypher.effects("MATCH (n) SET n += $props", Map.of("props", Map.of("a", 1)))).isEqualTo(WRITES);
        assertThat(cypher.effects("MATCH (n) SET n += $props", Map.of("props", withNull))).isEqualTo(WRITES_AND_DELETES);
        assertThat(cypher.effects("CREATE (n:Person {name: $name})", Map.of("name", "ann"))).isEqualTo(WRITES);
        assertThat(cypher.effects("MATCH (n {name: $name}) RETURN n", Map.of("name", "ann"))).isEqualTo(READ_ONLY);
    }

    @Test
    void aStatementThatDoesNotParseIsAMalformedQuery() {
        assertThatThrownBy(() -> cypher.effects("MATCH (n RETURN n", Map.of()))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_QUERY);
                    assertThat(e.getMessage()).isEqualTo("Invalid input 'R': expected whitespace, comment, COPY, "
                            + "node labels, a property map, ')', MapLiteral or a relationship pattern "
                            + "(line 1, column 10 (offset: 9))");
                });
    }

    /** What running the statement throws, classifying it throws too, before anything runs. */
    @ParameterizedTest
    @ValueSource(strings = {
            "MATCH (n RETURN n",
            "MATCH (n) SET n:Foo RETURN n.",
            "CREATE (n:Person {name: 'ann'}",
            "MATCH (n) RETURN m",
            "LOAD CSV FROM 'file:///x.csv' AS line RETURN line",
            "FOREACH (x IN [1] | CREATE (:N))",
            "MATCH (n) SET n.`~id` = 'other'",
            "MATCH (n) RETURN n.`~id`",
            "RETURN datetime(1) AS d",
            "RETURN datetime('yesterday') AS d"
    })
    void malformedStatementsFailAsRunningThemDoes(String statement) {
        NereidException running = catchThrowableOfType(NereidException.class, () -> cypher.execute(statement, Map.of()));
        NereidException classifying = catchThrowableOfType(NereidException.class, () -> cypher.effects(statement, Map.of()));
        assertThat(running).isNotNull();
        assertThat(classifying).isNotNull();
        assertThat(classifying.errorCode()).isEqualTo(running.errorCode());
        assertThat(classifying.getMessage()).isEqualTo(running.getMessage());
    }
}
