package dev.nereid.graph.cypher;

import dev.nereid.graph.GraphFixture;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spec §5.4's openCypher table, one test per row, and §5.5's openCypher commits, record for record. */
class CypherCaptureTest {

    private final GraphFixture f = new GraphFixture();

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private List<String> cypherLines(String query) {
        return cypherLines(query, Map.of());
    }

    private List<String> cypherLines(String query, Map<String, ?> parameters) {
        long commit = f.cypher(query, parameters).orElseThrow().commitNum();
        return f.lines(commit);
    }

    /** v1 (Person) with age {29} and name 'ann', v2 (Person), edge e1 v1→v2 with w = 1. Commit 1. */
    private void background() {
        f.run("g.addV('Person').property(id,'v1').property('age',29).property('name','ann').as('a')"
                + ".addV('Person').property(id,'v2').as('b')"
                + ".addE('KNOWS').from('a').to('b').property(id,'e1').property('w',1)");
        assertThat(f.lastCommitNum()).isEqualTo(1);
    }

    @Test
    void workedExample() {
        f.run("g.addV('person').property(id,'v0')");
        assertThat(cypherLines("CREATE (a:Person:Admin {`~id`:'p1', name:'ann', age:40})"
                + "-[:MANAGES {since:2020}]->(b:Person {`~id`:'p2', name:'bob'})"))
                .hasSize(8)
                .startsWith("1 ADD vl p1 label Person", "2 ADD vl p1 label Admin", "3 ADD vl p2 label Person",
                        "4 ADD vp p1 name \"ann\"", "5 ADD vp p1 age 40 Long", "6 ADD vp p2 name \"bob\"")
                .satisfies(lines -> {
                    assertThat(lines.get(6)).matches("7 ADD e [0-9a-f-]{36} label MANAGES p1→p2");
                    assertThat(lines.get(7)).matches("8 ADD ep [0-9a-f-]{36} since 2020 Long \\*");
                });

        assertThat(cypherLines("MATCH (a:Person {name:'ann'}) SET a.age = 41, a:Manager REMOVE a:Admin"))
                .containsExactly("1 REMOVE vp p1 age 40 Long", "2 REMOVE vl p1 label Admin",
                        "3 ADD vl p1 label Manager", "4 ADD vp p1 age 41 Long *");

        assertThat(f.cypher("MERGE (b:Person {name:'bob'})")).isEmpty();

        List<String> delete = cypherLines("MATCH (a {name:'ann'}) DETACH DELETE a");
        assertThat(delete).hasSize(6);
        assertThat(delete.get(0)).matches("1 REMOVE ep [0-9a-f-]{36} since 2020 Long");
        assertThat(delete.get(1)).matches("2 REMOVE e [0-9a-f-]{36} label MANAGES p1→p2");
        assertThat(delete.subList(2, 6)).containsExactly("3 REMOVE vp p1 name \"ann\"", "4 REMOVE vp p1 age 41 Long",
                "5 REMOVE vl p1 label Person", "6 REMOVE vl p1 label Manager *");
        assertThat(f.lastCommitNum()).isEqualTo(4);
    }

    @Test
    void createAnEmptyNodeGivesItTheDefaultLabel() {
        List<String> lines = cypherLines("CREATE (n)");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).matches("1 ADD vl [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12} label vertex \\*");
    }

    @Test
    void createWithLabelsAndAProperty() {
        assertThat(cypherLines("CREATE (n:A:B {`~id`: 'x', p: 1})"))
                .containsExactly("1 ADD vl x label A", "2 ADD vl x label B", "3 ADD vp x p 1 Long *");
    }

    @Test
    void createARelationshipBetweenBoundNodes() {
        background();
        assertThat(cypherLines("MATCH (a {`~id`:'v1'}), (b {`~id`:'v2'}) CREATE (a)-[r:T {`~id`:'r1', w: 1.5}]->(b)"))
                .containsExactly("1 ADD e r1 label T v1→v2", "2 ADD ep r1 w 1.5 Double *");
    }

    @Test
    void setAPropertyReplacesItsValues() {
        background();
        f.run("g.V('v1').property('age',30)");
        assertThat(cypherLines("MATCH (n {`~id`:'v1'}) SET n.age = 31"))
                .containsExactly("1 REMOVE vp v1 age 29 Int", "2 REMOVE vp v1 age 30 Int", "3 ADD vp v1 age 31 Long *");
    }

    @Test
    void setAPropertyToAValueItHasRemovesOnlyTheOthers() {
        background();
        f.run("g.V('v1').property('age',30L)");
        assertThat(cypherLines("MATCH (n {`~id`:'v1'}) SET n.age = 30"))
                .containsExactly("1 REMOVE vp v1 age 29 Int *");
        assertThat(f.cypher("MATCH (n {`~id`:'v1'}) SET n.age = 30")).isEmpty();
    }

    @Test
    void setToNullAndRemoveDropEachValue() {
        background();
        f.run("g.V('v1').property('age',30)");
        assertThat(cypherLines("MATCH (n {`~id`:'v1'}) SET n.age = null"))
                .containsExactly("1 REMOVE vp v1 age 29 Int", "2 REMOVE vp v1 age 30 Int *");
        assertThat(cypherLines("MATCH (n {`~id`:'v1'}) REMOVE n.name"))
                .containsExactly("1 REMOVE vp v1 name \"ann\" *");
    }

    @Test
    void setPlusEqualsSetsEachKeyAndNullRemoves() {
        background();
        assertThat(cypherLines("MATCH (n {`~id`:'v1'}) SET n += {age: 30, name: null, city: 'Oslo'}"))
                .containsExactly("1 REMOVE vp v1 age 29 Int", "2 REMOVE vp v1 name \"ann\"",
                        "3 ADD vp v1 age 30 Long", "4 ADD vp v1 city \"Oslo\" *");
    }

    @Test
    void setEqualsRemovesTheKeysMissingFromTheMap() {
        background();
        assertThat(cypherLines("MATCH (n {`~id`:'v1'}) SET n = {name: 'ann', city: 'Oslo'}"))
                .containsExactly("1 REMOVE vp v1 age 29 Int", "2 ADD vp v1 city \"Oslo\" *");
    }

    @Test
    void setAndRemoveLabels() {
        background();
        assertThat(cypherLines("MATCH (n {`~id`:'v1'}) SET n:Admin:Manager"))
                .containsExactly("1 ADD vl v1 label Admin", "2 ADD vl v1 label Manager *");
        assertThat(f.cypher("MATCH (n {`~id`:'v1'}) SET n:Admin")).isEmpty();
        assertThat(cypherLines("MATCH (n {`~id`:'v1'}) REMOVE n:Admin"))
                .containsExactly("1 REMOVE vl v1 label Admin *");
        assertThat(f.cypher("MATCH (n {`~id`:'v1'}) REMOVE n:Admin")).isEmpty();
        assertThat(f.g.V("v1").label().next()).isEqualTo("Person::Manager");
    }

    @Test
    void removingTheLastLabelIsRefusedAndWritesNothing() {
        background();
        assertThatThrownBy(() -> f.cypher("MATCH (n {`~id`:'v2'}) REMOVE n:Person"))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_QUERY);
                    assertThat(e.getMessage()).isEqualTo("Vertex 'v2' must have at least one label");
                });
        assertThat(f.lastCommitNum()).isEqualTo(1);
        assertThat(f.g.V("v2").label().next()).isEqualTo("Person");
    }

    @Test
    void setAndRemoveARelationshipProperty() {
        background();
        assertThat(cypherLines("MATCH ()-[r]->() SET r.w = 2"))
                .containsExactly("1 REMOVE ep e1 w 1 Int", "2 ADD ep e1 w 2 Long *");
        assertThat(cypherLines("MATCH ()-[r]->() REMOVE r.w"))
                .containsExactly("1 REMOVE ep e1 w 2 Long *");
    }

    @Test
    void deleteARelationship() {
        background();
        f.run("g.E('e1').property('z','last')");
        assertThat(cypherLines("MATCH ()-[r:KNOWS]->() DELETE r"))
                .containsExactly("1 REMOVE ep e1 w 1 Int", "2 REMOVE ep e1 z \"last\"",
                        "3 REMOVE e e1 label KNOWS v1→v2 *");
    }

    @Test
    void deleteANodeWithoutRelationships() {
        background();
        f.run("g.addV('Lonely').property(id,'x').property('a',1).property('b','two')");
        assertThat(cypherLines("MATCH (n:Lonely) DELETE n"))
                .containsExactly("1 REMOVE vp x a 1 Int", "2 REMOVE vp x b \"two\"", "3 REMOVE vl x label Lonely *");
    }

    @Test
    void deleteANodeWithRelationshipsIsRefusedAndWritesNothing() {
        background();
        assertThatThrownBy(() -> f.cypher("MATCH (n {`~id`:'v1'}) DELETE n"))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.CONSTRAINT_VIOLATION);
                    assertThat(e.getMessage()).isEqualTo("Cannot delete node, because it still has relationships. "
                            + "To delete this node, you must first delete its relationships.");
                });
        assertThat(f.lastCommitNum()).isEqualTo(1);
    }

    @Test
    void detachDeleteGivesTheSameRecordsAsGremlinDrop() {
        background();
        f.run("g.V('v2').addE('LIKES').to(__.V('v1')).property(id,'e0').property('a','x')");
        f.run("g.V('v1').addE('SELF').to(__.V('v1')).property(id,'e9')");
        assertThat(cypherLines("MATCH (n {`~id`:'v1'}) DETACH DELETE n")).containsExactly(
                "1 REMOVE ep e1 w 1 Int", "2 REMOVE ep e0 a \"x\"",
                "3 REMOVE e e1 label KNOWS v1→v2", "4 REMOVE e e0 label LIKES v2→v1",
                "5 REMOVE e e9 label SELF v1→v1",
                "6 REMOVE vp v1 age 29 Int", "7 REMOVE vp v1 name \"ann\"", "8 REMOVE vl v1 label Person *");
    }

    @Test
    void mergeRecordsOnlyWhatItCreatesOrChanges() {
        background();
        List<String> created = cypherLines("MERGE (n:City {name:'Oslo'}) ON CREATE SET n.pop = 700000 ON MATCH SET n.seen = true");
        assertThat(created).hasSize(3);
        String id = created.get(0).split(" ")[3];
        assertThat(created).containsExactly("1 ADD vl " + id + " label City", "2 ADD vp " + id + " name \"Oslo\"",
                "3 ADD vp " + id + " pop 700000 Long *");
        assertThat(cypherLines("MERGE (n:City {name:'Oslo'}) ON CREATE SET n.pop = 1 ON MATCH SET n.seen = true"))
                .containsExactly("1 ADD vp " + id + " seen true Bool *");
        assertThat(f.cypher("MERGE (n:City {name:'Oslo'}) ON MATCH SET n.seen = true")).isEmpty();
        assertThat(f.cypher("MERGE (n:Person {name:'ann'})")).isEmpty();
    }

    @Test
    void typesFollowSpecSection54() {
        assertThat(cypherLines("CREATE (n:T {`~id`:'t', i: 1, f: 1.5, s: 'x', b: true, d: datetime('2026-01-01T00:00:00Z')})"))
                .containsExactly("1 ADD vl t label T", "2 ADD vp t i 1 Long", "3 ADD vp t f 1.5 Double",
                        "4 ADD vp t s \"x\"", "5 ADD vp t b true Bool", "6 ADD vp t d 1767225600000 Date *");
    }

    @Test
    void jsonParametersAreLongAndDouble() {
        assertThat(cypherLines("CREATE (n:T {`~id`: $id, i: $i, f: $f, s: $s})",
                Map.of("id", "t", "i", 7, "f", 2.5, "s", "x")))
                .containsExactly("1 ADD vl t label T", "2 ADD vp t i 7 Long", "3 ADD vp t f 2.5 Double",
                        "4 ADD vp t s \"x\" *");
    }

    @Test
    void aStatementSeenBeforeRunsWithEachRequestsParameters() {
        OpenCypher engine = new OpenCypher(f.graph, f.clock::millis);
        String create = "CREATE (n:T {`~id`: $id, v: $v}) RETURN n.v AS v";
        assertThat(engine.execute(create, Map.of("id", "a", "v", 1))).containsExactly(Map.of("v", 1L));
        assertThat(engine.execute(create, Map.of("id", "b", "v", "x"))).containsExactly(Map.of("v", "x"));
        assertThatThrownBy(() -> engine.execute(create, Map.of("id", "c", "v", List.of(1))))
                .isInstanceOfSatisfying(NereidException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
        assertThat(f.lines(1)).containsExactly("1 ADD vl a label T", "2 ADD vp a v 1 Long *");
        assertThat(f.lines(2)).containsExactly("1 ADD vl b label T", "2 ADD vp b v \"x\" *");
        assertThat(engine.execute("MATCH (n:T) RETURN id(n) AS id, n.v AS v ORDER BY id", Map.of()))
                .containsExactly(Map.of("id", "a", "v", 1L), Map.of("id", "b", "v", "x"));
    }

    @Test
    void listAndMapPropertyValuesAreRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> f.cypher("CREATE (n:T {l: [1, 2]})"))
                .isInstanceOfSatisfying(NereidException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
        assertThatThrownBy(() -> f.cypher("CREATE (n:T {m: $m})", Map.of("m", Map.of("a", 1))))
                .isInstanceOfSatisfying(NereidException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
        assertThat(f.lastCommitNum()).isZero();
    }

    @Test
    void createWithAnExistingIdIsAConstraintViolation() {
        background();
        assertThatThrownBy(() -> f.cypher("CREATE (n:Other {`~id`: 'v1'})"))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.CONSTRAINT_VIOLATION);
                });
        assertThat(f.lastCommitNum()).isEqualTo(1);
    }

    @Test
    void badQueriesAreRefusedAndWriteNothing() {
        background();
        assertThatThrownBy(() -> f.cypher("CREAT (n)"))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_QUERY);
                    assertThat(e.getMessage()).isEqualTo("Invalid input ' ': expected 'e/E' (line 1, column 6 (offset: 5))");
                });
        assertThatThrownBy(() -> f.cypher("LOAD CSV FROM 'x' AS l RETURN l"))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION);
                    assertThat(e.getMessage()).isEqualTo("Unsupported clause: LoadCSV");
                });
        assertThatThrownBy(() -> f.cypher("MATCH (n) RETURN m"))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_QUERY);
                    assertThat(e.getMessage()).startsWith("Variable `m` not defined");
                });
        assertThatThrownBy(() -> f.cypher("CREATE (n:X) WITH n CALL db.labels() YIELD label RETURN label"))
                .isInstanceOf(NereidException.class);
        assertThatThrownBy(() -> f.cypher("MATCH (n {`~id`:'v1'}) SET n.`~id` = 'z'"))
                .isInstanceOfSatisfying(NereidException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
        assertThatThrownBy(() -> f.cypher("CREATE (n:X {d: datetime('yesterday')})"))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_QUERY);
                    assertThat(e.getMessage()).startsWith("Invalid datetime 'yesterday'");
                });
        assertThat(f.lastCommitNum()).isEqualTo(1);
    }
}
