package dev.nereid.server.auth.policy;

import java.util.List;
import java.util.Map;

/** IAM's evaluation of one principal's identity-based policies for one request. */
public final class PolicyEvaluator {
    private PolicyEvaluator() {
    }

    /**
     * @param context the request's condition keys, e.g. {@code aws:SecureTransport}; keys in any case
     */
    public static Decision decide(List<Policy> policies, String action, String resource, Map<String, String> context) {
        RequestContext request = new RequestContext(context);
        boolean allowed = false;
        for (Policy policy : policies) {
            for (Statement statement : policy.statements()) {
                if (statement.effect() == Effect.ALLOW && allowed) {
                    continue; // only a Deny could still change the answer
                }
                if (statement.appliesTo(action, resource, request)) {
                    if (statement.effect() == Effect.DENY) {
                        return Decision.EXPLICIT_DENY;
                    }
                    allowed = true;
                }
            }
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }
}
