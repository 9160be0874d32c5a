package dev.nereid.server.auth.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The condition operators Nereid evaluates: those whose keys Neptune's data-access requests carry as
 * strings or booleans. Each may also carry the {@code IfExists} suffix, which {@link ConditionClause} holds.
 */
public enum ConditionOperator {
    STRING_EQUALS("StringEquals", false, String::equals),
    STRING_NOT_EQUALS("StringNotEquals", true, String::equals),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", false, String::equalsIgnoreCase),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", true, String::equalsIgnoreCase),
    STRING_LIKE("StringLike", false, (pattern, value) -> WildcardMatcher.matches(pattern, value, false)),
    STRING_NOT_LIKE("StringNotLike", true, (pattern, value) -> WildcardMatcher.matches(pattern, value, false)),
    BOOL("Bool", false, String::equalsIgnoreCase);

    public static final String IF_EXISTS = "IfExists";

    private final String iamName;
    private final boolean negated;
    private final BiPredicate<String, String> policyValueMatches;

    ConditionOperator(String iamName, boolean negated, BiPredicate<String, String> policyValueMatches) {
        this.iamName = iamName;
        this.negated = negated;
        this.policyValueMatches = policyValueMatches;
    }

    /** The operator a policy spells exactly so, without {@code IfExists}; IAM's operator names are case-sensitive. */
    public static Optional<ConditionOperator> named(String iamName) {
        return Arrays.stream(values()).filter(op -> op.iamName.equals(iamName)).findFirst();
    }

    public static List<String> iamNames() {
        return Arrays.stream(values()).map(ConditionOperator::iamName).toList();
    }

    public String iamName() {
        return iamName;
    }

    /** A negated operator holds when the request's value matches none of the policy's values. */
    public boolean negated() {
        return negated;
    }

    /** Whether one of the policy's values matches the request's value, before any negation. */
    public boolean matches(String policyValue, String requestValue) {
        return policyValueMatches.test(policyValue, requestValue);
    }
}
