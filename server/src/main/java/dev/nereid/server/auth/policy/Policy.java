package dev.nereid.server.auth.policy;

import java.util.List;
import java.util.Objects;

/**
 * One identity-based IAM policy document.
 *
 * @param version    {@code 2012-10-17} or {@code 2008-10-17}; null when the document gives none
 * @param id         the optional {@code Id}; null when absent
 * @param statements at least one
 */
public record Policy(String version, String id, List<Statement> statements) {
    public Policy {
        statements = List.copyOf(Objects.requireNonNull(statements, "statements"));
    }
}
