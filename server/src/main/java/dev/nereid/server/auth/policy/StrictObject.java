package dev.nereid.server.auth.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON object read strictly: only the fields its reader knows, each checked, every error naming the JSON
 * path of the value at fault.
 */
public final class StrictObject {
    private final JsonNode node;
    private final DocumentPath path;

    private StrictObject(JsonNode node, DocumentPath path) {
        this.node = node;
        this.path = path;
    }

    public static StrictObject of(JsonNode node, DocumentPath path) {
        if (!node.isObject()) {
            throw path.expected("a JSON object", node);
        }
        return new StrictObject(node, path);
    }

    /**
     * Refuses any other field. An unknown field is almost always a misspelt one, and skipping a misspelt
     * {@code Condition} or {@code NotResource} would silently widen what a policy allows.
     */
    public StrictObject onlyFields(List<String> known) {
        for (String name : fieldNames()) {
            if (!known.contains(name)) {
                throw path.field(name).problem("is not a known field (expected one of: "
                        + String.join(", ", known) + ")");
            }
        }
        return this;
    }

    public DocumentPath path() {
        return path;
    }

    public DocumentPath path(String field) {
        return path.field(field);
    }

    public boolean has(String field) {
        return node.has(field);
    }

    public Optional<JsonNode> optional(String field) {
        return Optional.ofNullable(node.get(field));
    }

    public JsonNode required(String field) {
        return optional(field).orElseThrow(() -> path.field(field).problem("is required"));
    }

    public String nonBlankString(String field) {
        JsonNode value = required(field);
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw path.field(field).expected("a non-blank string", value);
        }
        return value.textValue();
    }

    /** As {@link #nonBlankString}, but an error never repeats the value, which may be a secret. */
    public String nonBlankSecret(String field) {
        JsonNode value = required(field);
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw path.field(field).problem("must be a non-blank string");
        }
        return value.textValue();
    }

    public Optional<String> optionalString(String field) {
        return optional(field).map(value -> {
            if (!value.isTextual()) {
                throw path.field(field).expected("a string", value);
            }
            return value.textValue();
        });
    }

    /** The fields in document order. */
    public List<Map.Entry<String, JsonNode>> fields() {
        return new ArrayList<>(node.properties());
    }

    private List<String> fieldNames() {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }
}
