package dev.nereid.server.auth.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a statement's {@code Condition} block, refusing every operator Nereid does not evaluate. */
final class ConditionParser {
    private static final String QUERY_LANGUAGE = "neptune-db:QueryLanguage";

    private static final String SUPPORTED = String.join(", ", ConditionOperator.iamNames()) + ", each also with "
            + ConditionOperator.IF_EXISTS;

    private ConditionParser() {
    }

    static Condition parse(JsonNode block, DocumentPath path, boolean variables) {
        List<ConditionClause> clauses = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : StrictObject.of(block, path).fields()) {
            String name = entry.getKey();
            DocumentPath at = path.field(name);
            boolean ifExists = name.endsWith(ConditionOperator.IF_EXISTS);
            String baseName = ifExists ? name.substring(0, name.length() - ConditionOperator.IF_EXISTS.length()) : name;
            // An operator skipped rather than refused would make its statement apply more widely than written.
            ConditionOperator operator = ConditionOperator.named(baseName).orElseThrow(() -> new InvalidDocumentException(
                    at + ": condition operator \"" + name + "\" is not supported by Nereid (supported: " + SUPPORTED + ")"));
            JsonNode keys = entry.getValue();
            if (!keys.isObject() || keys.isEmpty()) {
                throw at.expected("a JSON object of condition keys and their values", keys);
            }
            for (Map.Entry<String, JsonNode> key : keys.properties()) {
                DocumentPath keyPath = at.field(key.getKey());
                if (key.getKey().isBlank()) {
                    throw keyPath.problem("is a blank condition key");
                }
                // Neptune defines one key of its own; a misspelt one would silently never match, which in a
                // Deny statement would let through what the author meant to stop.
                if (key.getKey().regionMatches(true, 0, "neptune-db:", 0, 11)
                        && !key.getKey().equalsIgnoreCase(QUERY_LANGUAGE)) {
                    throw keyPath.problem("is not a Neptune condition key (Neptune has one: " + QUERY_LANGUAGE + ")");
                }
                clauses.add(new ConditionClause(operator, ifExists, key.getKey(),
                        values(key.getValue(), keyPath, operator, variables)));
            }
        }
        return new Condition(clauses);
    }

    private static List<String> values(JsonNode value, DocumentPath path, ConditionOperator operator, boolean variables) {
        if (value.isArray() && !value.isEmpty()) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                DocumentPath itemPath = path.index(i);
                if (!scalar(value.get(i))) {
                    throw itemPath.expected("a string, number or boolean", value.get(i));
                }
                values.add(checked(value.get(i), itemPath, operator, variables));
            }
            return values;
        }
        if (!scalar(value)) {
            throw path.expected("a string, number, boolean or a non-empty array of them", value);
        }
        return List.of(checked(value, path, operator, variables));
    }

    private static boolean scalar(JsonNode value) {
        return value.isTextual() || value.isNumber() || value.isBoolean();
    }

    private static String checked(JsonNode value, DocumentPath path, ConditionOperator operator, boolean variables) {
        String text = value.asText();
        Optional<String> expected = operator.policyValueProblem(text);
        if (expected.isPresent()) {
            throw path.expected(expected.get(), value);
        }
        PolicyParser.refuseVariables(text, path, variables);
        return text;
    }
}
