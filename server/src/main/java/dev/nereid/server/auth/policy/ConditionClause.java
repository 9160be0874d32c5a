package dev.nereid.server.auth.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One key under one operator of a {@code Condition}, e.g. {@code "StringEquals": {"neptune-db:QueryLanguage":
 * ["Gremlin", "Sparql"]}}.
 *
 * @param ifExists whether the operator carried the {@code IfExists} suffix: then a request without the key
 *                 satisfies the clause
 * @param key      as the policy spells it; matched case-insensitively
 * @param values   at least one, each valid for the operator; booleans and numbers in the policy are held as
 *                 their JSON text
 */
public record ConditionClause(ConditionOperator operator, boolean ifExists, String key, List<String> values) {
    public ConditionClause {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
        for (String value : values) {
            operator.policyValueProblem(value).ifPresent(expected -> {
                throw new IllegalArgumentException(operator.iamName() + " needs " + expected + ", was " + value);
            });
        }
    }

    public boolean holds(RequestContext context) {
        Optional<String> requestValue = context.value(key);
        if (requestValue.isEmpty()) {
            // IAM: a missing key fails a positive operator and satisfies a negated one, unless IfExists.
            return ifExists || operator.negated();
        }
        if (!operator.comparable(requestValue.get())) {
            // IAM: an operator that does not fit the key's type never matches, negated or not.
            return false;
        }
        boolean anyMatches = values.stream().anyMatch(value -> operator.matches(value, requestValue.get()));
        return anyMatches != operator.negated();
    }
}
