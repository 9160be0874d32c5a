package dev.nereid.graph.cypher;

import dev.nereid.graph.GraphFixture;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The openCypher support table of the README, row by row: what works answers exactly; what does not is a 400. */
class CypherSupportTest {

    private static GraphFixture f;

    @BeforeAll
    static void graph() {
        f = new GraphFixture();
        f.cypher("CREATE (a:P {`~id`:'a', name:'ann', age: 40})-[:K {`~id`:'k1', w: 1}]->"
                + "(b:P {`~id`:'b', name:'bob', age: 30})-[:K {`~id`:'k2'}]->(c:Q {`~id`:'c', name:' Cy '})");
    }

    @AfterAll
    static void close() throws Exception {
        f.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "OPTIONAL MATCH (n:Nope) RETURN n | [{n=null}]",
        "MATCH (n:P) WITH n.name AS name ORDER BY name SKIP 1 LIMIT 1 RETURN name | [{name=bob}]",
        "MATCH (n:P) RETURN n.name AS x UNION MATCH (n:Q) RETURN n.name AS x | [{x=ann}, {x=bob}, {x= Cy }]",
        "MATCH (n:P) RETURN CASE WHEN n.age > 35 THEN 'old' ELSE 'young' END AS c ORDER BY c | [{c=old}, {c=young}]",
        "MATCH (n:P) RETURN count(*) AS c, avg(n.age) AS a, min(n.age) AS mi, max(n.age) AS ma, collect(n.name) AS names"
                + " | [{c=2, a=35.0, mi=30, ma=40, names=[ann, bob]}]",
        "MATCH (n:Q) RETURN toUpper(n.name) AS u, trim(n.name) AS t, substring('hello', 1, 3) AS s, replace('aXb','X','-') AS r,"
                + " split('a,b', ',') AS sp, reverse('abc') AS rv, size('abcd') AS sz"
                + " | [{u= CY , t=Cy, s=ell, r=a-b, sp=[a, b], rv=cba, sz=4}]",
        "RETURN toString(1) AS a, toInteger('7') AS b, toFloat('1.5') AS c, toBoolean('true') AS d | [{a=1, b=7, c=1.5, d=true}]",
        "MATCH (n {`~id`:'a'}) RETURN keys(n) AS k, properties(n) AS p, exists(n.age) AS e, coalesce(n.nope, 'd') AS co"
                + " | [{k=[name, age], p={name=ann, age=40}, e=true, co=d}]",
        "MATCH (a {`~id`:'a'})-[*1..2]->(x) RETURN x.name AS n ORDER BY n | [{n= Cy }, {n=bob}]",
        "MATCH (n) WHERE n.name STARTS WITH 'a' OR n.name CONTAINS 'o' OR n.name ENDS WITH 'x' RETURN n.name AS n ORDER BY n"
                + " | [{n=ann}, {n=bob}]",
        "MATCH (n) WHERE n.name IN ['ann','bob'] AND NOT n.age < 35 RETURN n.name AS n | [{n=ann}]",
        "MATCH (n:P) RETURN DISTINCT labels(n) AS l | [{l=[P]}]",
        "UNWIND [1,2] AS x WITH x WHERE x > 1 RETURN x | [{x=2}]",
        "MATCH (a)-[r:K]->(b) RETURN startNode(r).name AS s, endNode(r).name AS e ORDER BY s | [{s=ann, e=bob}, {s=bob, e= Cy }]",
        "MATCH (n:P) WHERE exists((n)-[:K]->(:Q)) RETURN n.name AS n | [{n=bob}]",
        "RETURN datetime('2026-01-01') AS d | [{d=2026-01-01T00:00:00.000Z}]",
        "RETURN range(1,3) AS r, head([1,2]) AS h, last([1,2]) AS l, tail([1,2,3]) AS t, abs(-2) AS ab, round(2.4) AS ro,"
                + " sqrt(4) AS sq | [{r=[1, 2, 3], h=1, l=2, t=[2, 3], ab=2, ro=2, sq=2.0}]",
        "MATCH (n) WHERE n.age IS NULL RETURN n.name AS n | [{n= Cy }]",
    })
    void supported(String query, String rows) {
        assertThat(f.cypherRows(query, Map.of())).hasToString(rows);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "MATCH p = shortestPath((a {`~id`:'a'})-[*]->(c {`~id`:'c'})) RETURN p => UNSUPPORTED_OPERATION",
        "MATCH (n) WHERE n.name =~ 'a.*' RETURN n.name => UNSUPPORTED_OPERATION",
        "MATCH p=(a {`~id`:'a'})-[*]->(c) RETURN length(p) AS len, nodes(p) AS ns ORDER BY len => UNSUPPORTED_OPERATION",
        "MATCH (n:P) FOREACH (x IN [1] | SET n.f = x) => UNSUPPORTED_OPERATION",
        "MATCH (n:P) RETURN n {.name, .age} AS m => UNSUPPORTED_OPERATION",
        "RETURN [x IN [1,2,3] WHERE x > 1 | x * 10] AS l => UNSUPPORTED_OPERATION",
        "RETURN ceil(1.2) => MALFORMED_QUERY",
        "CALL db.labels() => UNSUPPORTED_OPERATION",
    })
    void refused(String query, ErrorCode code) {
        long before = f.lastCommitNum();
        assertThatThrownBy(() -> f.cypherRows(query, Map.of()))
                .isInstanceOfSatisfying(NereidException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
        assertThat(f.lastCommitNum()).isEqualTo(before);
    }
}
