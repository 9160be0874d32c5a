package dev.nereid.graph.cypher;

import dev.nereid.graph.GraphFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows in Neptune's openCypher format, and one graph for both languages. */
class CypherResultsTest {

    private final GraphFixture f = new GraphFixture();

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private List<Map<String, Object>> rows(String query) {
        return f.cypherRows(query, Map.of());
    }

    @Test
    void nodesAndRelationshipsInNeptunesShape() {
        f.run("g.addV('Person::Admin').property(id,'p1').property('name','ann').property('age',40L).as('a')"
                + ".addV('Person').property(id,'p2').as('b')"
                + ".addE('MANAGES').from('a').to('b').property(id,'r1').property('since',2020L)");
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("a", Map.of("~id", "p1", "~entityType", "node", "~labels", List.of("Person", "Admin"),
                "~properties", Map.of("name", "ann", "age", 40L)));
        expected.put("r", Map.of("~id", "r1", "~entityType", "relationship", "~start", "p1", "~end", "p2",
                "~type", "MANAGES", "~properties", Map.of("since", 2020L)));
        expected.put("missing", null);
        expected.put("bid", "p2");
        expected.put("labels", List.of("Person", "Admin"));
        expected.put("type", "MANAGES");
        assertThat(rows("MATCH (a)-[r]->(b) RETURN a, r, b.name AS missing, id(b) AS bid, labels(a) AS labels, type(r) AS type"))
                .containsExactly(expected);
    }

    @Test
    void scalarsListsMapsDatesAndPaths() {
        f.run("g.addV('A').property(id,'a').property('d',datetime('2026-01-02T03:04:05Z')).as('a')"
                + ".addV('B').property(id,'b').addE('T').from('a').property(id,'e')");
        Map<String, Object> row = rows("MATCH p = (a {`~id`:'a'})-[r]->(b) "
                + "RETURN 1 AS i, 2.5 AS f, 'x' AS s, true AS t, [1, 'a'] AS l, {k: 1} AS m, a.d AS d, p").get(0);
        assertThat(row).containsEntry("i", 1L).containsEntry("f", 2.5).containsEntry("s", "x").containsEntry("t", true)
                .containsEntry("l", List.of(1L, "a")).containsEntry("m", Map.of("k", 1L))
                .containsEntry("d", "2026-01-02T03:04:05.000Z");
        assertThat(row.get("p")).isEqualTo(List.of(
                Map.of("~id", "a", "~entityType", "node", "~labels", List.of("A"),
                        "~properties", Map.of("d", "2026-01-02T03:04:05.000Z")),
                Map.of("~id", "e", "~entityType", "relationship", "~start", "a", "~end", "b", "~type", "T",
                        "~properties", Map.of()),
                Map.of("~id", "b", "~entityType", "node", "~labels", List.of("B"), "~properties", Map.of())));
        assertThat(List.copyOf(row.keySet())).containsExactly("i", "f", "s", "t", "l", "m", "d", "p");
    }

    @Test
    void orderByLimitAndAggregation() {
        f.cypher("UNWIND range(1, 5) AS i CREATE (:N {i: i})");
        assertThat(rows("MATCH (n:N) RETURN n.i AS i ORDER BY n.i DESC LIMIT 2"))
                .containsExactly(Map.of("i", 5L), Map.of("i", 4L));
        assertThat(rows("MATCH (n:N) RETURN count(n) AS c, sum(n.i) AS s")).containsExactly(Map.of("c", 5L, "s", 15L));
        assertThat(rows("MATCH (n:N) WHERE n.i > 3 RETURN toString(n.i) AS s ORDER BY s"))
                .containsExactly(Map.of("s", "4"), Map.of("s", "5"));
    }

    @Test
    void writtenByCypherReadByGremlin() {
        f.cypher("CREATE (a:Person:Admin {`~id`:'p1', name:'ann', since: datetime('2020-01-01')})"
                + "-[:KNOWS {`~id`:'k1', w: 1.5}]->(:Person {`~id`:'p2'})");
        assertThat(f.g.V("p1").label().next()).isEqualTo("Person::Admin");
        assertThat(f.g.V().hasLabel("Admin").id().toList()).containsExactly("p1");
        assertThat(f.g.V("p1").values("name").toList()).containsExactly("ann");
        assertThat(f.g.V("p1").values("since").next()).isEqualTo(new java.util.Date(1577836800000L));
        assertThat(f.g.E("k1").values("w").next()).isEqualTo(1.5);
        assertThat(f.g.V("p1").out("KNOWS").id().toList()).containsExactly("p2");
    }

    @Test
    void writtenByGremlinMatchedByCypher() {
        f.run("g.addV('Person::Admin').property(id,'p1').property('name','ann').property('age',29)"
                + ".addV('Person').property(id,'p2').property('name','bob')"
                + ".V('p1').addE('KNOWS').to(__.V('p2'))");
        assertThat(rows("MATCH (a:Admin)-[:KNOWS]->(b:Person) RETURN a.name AS a, b.name AS b, a.age AS age"))
                .containsExactly(Map.of("a", "ann", "b", "bob", "age", 29L));
        assertThat(rows("MATCH (n:Person:Admin) RETURN id(n) AS id")).containsExactly(Map.of("id", "p1"));
        assertThat(rows("MATCH (n {`~id`: 'p2'}) RETURN n.name AS name")).containsExactly(Map.of("name", "bob"));
    }
}
