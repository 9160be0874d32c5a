package dev.nereid.server.auth.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Reads IAM identity-based policy documents, as users write them for Neptune, strictly: anything Nereid
 * would not evaluate exactly as IAM does is an error naming its JSON path, never skipped, since a skipped
 * element can only make a policy allow more than its author meant.
 */
public final class PolicyParser {
    public static final String CURRENT_VERSION = "2012-10-17";
    public static final String OLD_VERSION = "2008-10-17";

    private static final List<String> POLICY_FIELDS = List.of("Version", "Id", "Statement");
    private static final List<String> STATEMENT_FIELDS =
            List.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition");

    private PolicyParser() {
    }

    /** @param path where the document sits, for error messages */
    public static Policy parse(JsonNode document, DocumentPath path) {
        StrictObject policy = StrictObject.of(document, path).onlyFields(POLICY_FIELDS);
        String version = policy.optional("Version").map(value -> version(value, policy.path("Version"))).orElse(null);
        String id = policy.optionalString("Id").orElse(null);
        // Only a 2012-10-17 policy has variables; an older or unversioned one reads "${" literally, as IAM does.
        boolean variables = CURRENT_VERSION.equals(version);
        JsonNode statements = policy.required("Statement");
        DocumentPath at = policy.path("Statement");
        List<Statement> parsed = new ArrayList<>();
        if (statements.isObject()) {
            parsed.add(statement(statements, at, variables));
        } else if (statements.isArray() && !statements.isEmpty()) {
            for (int i = 0; i < statements.size(); i++) {
                parsed.add(statement(statements.get(i), at.index(i), variables));
            }
        } else {
            throw at.expected("a statement object or a non-empty array of them", statements);
        }
        return new Policy(version, id, parsed);
    }

    /**
     * Refuses a policy variable such as {@code ${aws:username}}: Nereid has no values for them, and reading
     * one literally would make a Deny that uses it never apply.
     */
    static void refuseVariables(String text, DocumentPath path, boolean variables) {
        int start = text.indexOf("${");
        if (!variables || start < 0) {
            return;
        }
        int end = text.indexOf('}', start);
        String variable = end < 0 ? text.substring(start) : text.substring(start, end + 1);
        throw path.problem("uses the policy variable " + variable + ", which Nereid does not support");
    }

    private static String version(JsonNode value, DocumentPath path) {
        if (value.isTextual() && (value.textValue().equals(CURRENT_VERSION) || value.textValue().equals(OLD_VERSION))) {
            return value.textValue();
        }
        throw path.expected("\"" + CURRENT_VERSION + "\" or \"" + OLD_VERSION + "\"", value);
    }

    private static Statement statement(JsonNode node, DocumentPath path, boolean variables) {
        StrictObject statement = StrictObject.of(node, path);
        for (String field : List.of("Principal", "NotPrincipal")) {
            if (statement.has(field)) {
                throw statement.path(field).problem("is not allowed: these are identity-based policies, which apply "
                        + "to the principal they are listed under");
            }
        }
        statement.onlyFields(STATEMENT_FIELDS);
        String sid = statement.optionalString("Sid").orElse(null);
        Effect effect = effect(statement);
        boolean notAction = exactlyOne(statement, "Action", "NotAction");
        List<String> actions = strings(statement, notAction ? "NotAction" : "Action", PolicyParser::checkAction);
        boolean notResource = exactlyOne(statement, "Resource", "NotResource");
        List<String> resources = strings(statement, notResource ? "NotResource" : "Resource", (resource, at) -> {
            checkResource(resource, at);
            refuseVariables(resource, at, variables);
        });
        Condition condition = statement.optional("Condition")
                .map(block -> ConditionParser.parse(block, statement.path("Condition"), variables))
                .orElse(Condition.NONE);
        return new Statement(sid, effect, PatternList.actions(actions, notAction),
                PatternList.resources(resources, notResource), condition);
    }

    private static Effect effect(StrictObject statement) {
        JsonNode value = statement.required("Effect");
        if (value.isTextual() && value.textValue().equals("Allow")) {
            return Effect.ALLOW;
        }
        if (value.isTextual() && value.textValue().equals("Deny")) {
            return Effect.DENY;
        }
        throw statement.path("Effect").expected("\"Allow\" or \"Deny\"", value);
    }

    /** @return whether it is the negated one */
    private static boolean exactlyOne(StrictObject statement, String field, String negatedField) {
        boolean plain = statement.has(field);
        boolean negated = statement.has(negatedField);
        if (plain == negated) {
            throw statement.path().problem("must have exactly one of " + field + " and " + negatedField + ", has "
                    + (plain ? "both" : "neither"));
        }
        return negated;
    }

    /** @param check refuses one string, given where it sits */
    private static List<String> strings(StrictObject statement, String field, BiConsumer<String, DocumentPath> check) {
        JsonNode value = statement.required(field);
        if (value.isTextual()) {
            check.accept(value.textValue(), statement.path(field));
            return List.of(value.textValue());
        }
        if (!value.isArray() || value.isEmpty()) {
            throw statement.path(field).expected("a string or a non-empty array of strings", value);
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw statement.path(field).index(i).expected("a string", value.get(i));
            }
            check.accept(value.get(i).textValue(), statement.path(field).index(i));
            strings.add(value.get(i).textValue());
        }
        return strings;
    }

    /** IAM's grammar: {@code *} or {@code service:action}; anything else could never match a request. */
    private static void checkAction(String action, DocumentPath path) {
        int colon = action.indexOf(':');
        if (!action.equals("*") && (colon <= 0 || colon == action.length() - 1)) {
            throw path.problem("must be \"*\" or \"service:action\", was " + quoted(action));
        }
    }

    /** IAM's grammar: {@code *} or an ARN. */
    private static void checkResource(String resource, DocumentPath path) {
        if (!resource.equals("*") && !resource.startsWith("arn:")) {
            throw path.problem("must be \"*\" or an ARN (arn:...), was " + quoted(resource));
        }
    }

    private static String quoted(String text) {
        return TextNode.valueOf(text).toString();
    }
}
