package dev.nereid.graph.cypher;

import dev.nereid.graph.Labels;
import org.opencypher.gremlin.translation.ReturnProperties;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows as Neptune's openCypher JSON shows them (spec §9): a node is {@code {"~id", "~entityType": "node",
 * "~labels", "~properties"}}, a relationship {@code {"~id", "~entityType": "relationship", "~start",
 * "~end", "~type", "~properties"}}, a path the list of its nodes and relationships in order, a datetime
 * an ISO-8601 string in UTC. The input is what the translator's {@code ReturnNormalizer} made of a row.
 */
final class CypherRows {

    private CypherRows() {
    }

    static Map<String, Object> row(Map<String, Object> normalized) {
        Map<String, Object> out = new LinkedHashMap<>();
        normalized.forEach((column, value) -> out.put(column, value(value)));
        return out;
    }

    private static Object value(Object value) {
        if (value instanceof Map<?, ?> map) {
            Object type = map.get(ReturnProperties.TYPE);
            if (ReturnProperties.NODE_TYPE.equals(type) && map.containsKey(ReturnProperties.ID)) {
                return node(map);
            }
            if (ReturnProperties.RELATIONSHIP_TYPE.equals(type) && map.containsKey(ReturnProperties.ID)) {
                return relationship(map);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), value(v)));
            return out;
        }
        if (value instanceof Collection<?> items) {
            List<Object> out = new ArrayList<>(items.size());
            for (Object item : items) {
                out.add(value(item));
            }
            return out;
        }
        if (value instanceof Date date) {
            return CypherDatetime.format(date.getTime());
        }
        return value;
    }

    private static Map<String, Object> node(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("~id", map.get(ReturnProperties.ID));
        out.put("~entityType", "node");
        out.put("~labels", Labels.split(String.valueOf(map.get(ReturnProperties.LABEL))));
        out.put("~properties", properties(map));
        return out;
    }

    private static Map<String, Object> relationship(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("~id", map.get(ReturnProperties.ID));
        out.put("~entityType", "relationship");
        out.put("~start", map.get(ReturnProperties.OUTV));
        out.put("~end", map.get(ReturnProperties.INV));
        out.put("~type", map.get(ReturnProperties.LABEL));
        out.put("~properties", properties(map));
        return out;
    }

    private static Map<String, Object> properties(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (!ReturnProperties.ALL_PROPERTIES.contains(String.valueOf(k))) {
                out.put(String.valueOf(k), value(v));
            }
        });
        return out;
    }
}
