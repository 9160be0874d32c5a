package dev.nereid.server.auth.policy;

import java.util.Objects;

/**
 * One statement of a policy.
 *
 * @param sid       the optional {@code Sid}; null when absent
 * @param actions   from {@code Action} or {@code NotAction}
 * @param resources from {@code Resource} or {@code NotResource}
 * @param condition {@link Condition#NONE} when there is no {@code Condition}
 */
public record Statement(String sid, Effect effect, PatternList actions, PatternList resources, Condition condition) {
    public Statement {
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(condition, "condition");
    }

    /** Whether the statement covers the request; its {@link #effect()} then counts. */
    public boolean appliesTo(String action, String resource, RequestContext context) {
        return actions.covers(action) && resources.covers(resource) && condition.holds(context);
    }
}
