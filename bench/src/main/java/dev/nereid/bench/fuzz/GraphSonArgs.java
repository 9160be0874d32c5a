package dev.nereid.bench.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code args} of a GraphSON 3 request: a typed map, written as one list of keys and values in turn. */
final class GraphSonArgs {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ArrayNode keysAndValues;

    GraphSonArgs(ArrayNode keysAndValues) {
        this.keysAndValues = keysAndValues;
    }

    void put(String key, JsonNode value) {
        for (int i = 0; i + 1 < keysAndValues.size(); i += 2) {
            if (key.equals(keysAndValues.get(i).asText())) {
                keysAndValues.set(i + 1, value);
                return;
            }
        }
        keysAndValues.add(key).add(value);
    }

    void remove(String key) {
        for (int i = 0; i + 1 < keysAndValues.size(); i += 2) {
            if (key.equals(keysAndValues.get(i).asText())) {
                keysAndValues.remove(i + 1);
                keysAndValues.remove(i);
                return;
            }
        }
    }

    static JsonNode int32(int v) {
        return typed("g:Int32", NODES.numberNode(v));
    }

    static JsonNode int64(long v) {
        return typed("g:Int64", NODES.numberNode(v));
    }

    static JsonNode map(String key, String value) {
        ObjectNode map = NODES.objectNode().put("@type", "g:Map");
        map.putArray("@value").add(key).add(value);
        return map;
    }

    private static JsonNode typed(String type, JsonNode value) {
        ObjectNode node = NODES.objectNode().put("@type", type);
        node.set("@value", value);
        return node;
    }
}
