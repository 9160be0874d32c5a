package dev.nereid.bench.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Valid openCypher statements with their parameters, reads and writes, that succeed whatever the graph holds. */
public final class CypherCorpus {

    private CypherCorpus() {
    }

    /** A statement, its parameters (possibly none) and whether it writes. */
    public record Statement(String query, Map<String, Object> parameters, boolean writes) {
    }

    public static Statement any(Random r, IdPool ids) {
        return r.nextInt(5) < 2 ? read(r, ids) : write(r, ids);
    }

    public static Statement read(Random r, IdPool ids) {
        Map<String, Object> p = new LinkedHashMap<>();
        String query = switch (r.nextInt(7)) {
            case 0 -> "MATCH (n) RETURN count(n) AS c";
            case 1 -> "MATCH (n:person) RETURN n.name AS name ORDER BY name LIMIT 5";
            case 2 -> "MATCH (a)-[r]->(b) RETURN id(a) AS a, type(r) AS t, id(b) AS b LIMIT 5";
            case 3 -> {
                p.put("x", value(r));
                yield "RETURN $x AS x";
            }
            case 4 -> {
                p.put("id", ids.known(r));
                yield "MATCH (n) WHERE id(n) = $id RETURN n";
            }
            case 5 -> {
                p.put("xs", List.of(r.nextInt(10), r.nextInt(10), r.nextInt(10)));
                yield "UNWIND $xs AS x RETURN x * 2 AS y";
            }
            default -> "MATCH (n) WHERE n.age > " + r.nextInt(60) + " RETURN n.age AS age LIMIT 3";
        };
        return new Statement(query, p, false);
    }

    public static Statement write(Random r, IdPool ids) {
        Map<String, Object> p = new LinkedHashMap<>();
        String query = switch (r.nextInt(6)) {
            case 0, 1 -> {
                p.put("id", ids.fresh(r));
                p.put("name", "c" + r.nextInt(100));
                p.put("age", r.nextInt(90));
                yield "CREATE (n:Person {`~id`: $id, name: $name, age: $age})";
            }
            case 2 -> {
                // Nereid refuses a parameter as the ~id of a MERGE or MATCH pattern, so the id is written in.
                p.put("name", "city" + r.nextInt(10));
                yield "MERGE (n:City {`~id`: '" + ids.fresh(r) + "'}) ON CREATE SET n.name = $name";
            }
            case 3 -> {
                p.put("age", r.nextInt(90));
                yield "MATCH (n {`~id`: '" + ids.known(r) + "'}) SET n.age = $age";
            }
            case 4 -> {
                p.put("id", ids.known(r));
                yield "MATCH (n) WHERE id(n) = $id DETACH DELETE n";
            }
            default -> {
                p.put("a", ids.known(r));
                p.put("b", ids.known(r));
                p.put("since", 1990 + r.nextInt(40));
                yield "MATCH (a), (b) WHERE id(a) = $a AND id(b) = $b CREATE (a)-[:KNOWS {since: $since}]->(b)";
            }
        };
        return new Statement(query, p, true);
    }

    private static Object value(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> r.nextInt();
            case 1 -> "s" + r.nextInt(100);
            case 2 -> r.nextDouble();
            case 3 -> r.nextBoolean();
            default -> List.of(1, "two", 3.5);
        };
    }
}
