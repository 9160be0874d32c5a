package dev.nereid.server.auth;

import dev.nereid.server.auth.policy.Decision;
import dev.nereid.server.auth.policy.Policy;
import dev.nereid.server.auth.policy.PolicyEvaluator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One identity of the auth config: the key pair it signs requests with, and the identity-based policies
 * attached to it.
 *
 * @param name     how logs name it
 * @param policies may be empty: the principal then authenticates but is allowed nothing
 */
public record AuthPrincipal(String name, String accessKeyId, String secretAccessKey, List<Policy> policies) {
    public AuthPrincipal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        policies = List.copyOf(policies);
    }

    /**
     * @param resource e.g. {@link AuthConfig#databaseArn()}
     * @param context  the request's condition keys, e.g. {@code neptune-db:QueryLanguage}
     */
    public Decision decide(String action, String resource, Map<String, String> context) {
        return PolicyEvaluator.decide(policies, action, resource, context);
    }

    /** Leaves the secret out: principals end up in logs and error messages. */
    @Override
    public String toString() {
        return "AuthPrincipal[name=" + name + ", accessKeyId=" + accessKeyId + ", policies=" + policies.size() + "]";
    }
}
