package dev.nereid.server.auth.policy;

import java.util.List;

/** A statement's {@code Condition} block: it holds when every one of its clauses does. */
public record Condition(List<ConditionClause> clauses) {
    public static final Condition NONE = new Condition(List.of());

    public Condition {
        clauses = List.copyOf(clauses);
    }

    public boolean holds(RequestContext context) {
        return clauses.stream().allMatch(clause -> clause.holds(context));
    }
}
