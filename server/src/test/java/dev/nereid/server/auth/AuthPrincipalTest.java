package dev.nereid.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nereid.server.auth.policy.Condition;
import dev.nereid.server.auth.policy.Decision;
import dev.nereid.server.auth.policy.Effect;
import dev.nereid.server.auth.policy.PatternList;
import dev.nereid.server.auth.policy.Policy;
import dev.nereid.server.auth.policy.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthPrincipalTest {
    private static final String DATABASE = "arn:aws:neptune-db:us-east-1:123456789012:cluster-ABCDEF/database";
    private static final Policy ALLOW_ALL = new Policy("2012-10-17", null, List.of(new Statement(null, Effect.ALLOW,
            PatternList.actions(List.of("neptune-db:*"), false), PatternList.resources(List.of("*"), false),
            Condition.NONE)));
    private static final Policy DENY_RESET = new Policy("2012-10-17", null, List.of(new Statement(null, Effect.DENY,
            PatternList.actions(List.of("neptune-db:ResetDatabase"), false), PatternList.resources(List.of("*"), false),
            Condition.NONE)));

    @Test
    void leavesTheSecretOutOfItsText() {
        AuthPrincipal principal = new AuthPrincipal("reader", "AKIAREADER", "wJalrXUtnFEMI", List.of(ALLOW_ALL));

        assertThat(principal).hasToString("AuthPrincipal[name=reader, accessKeyId=AKIAREADER, policies=1]");
    }

    @Test
    void decidesByAllItsPolicies() {
        AuthPrincipal principal = new AuthPrincipal("admin", "AKIAADMIN", "x", List.of(ALLOW_ALL, DENY_RESET));

        assertThat(principal.decide("neptune-db:GetEngineStatus", DATABASE, Map.of())).isEqualTo(Decision.ALLOW);
        assertThat(principal.decide("neptune-db:ResetDatabase", DATABASE, Map.of())).isEqualTo(Decision.EXPLICIT_DENY);
    }

    @Test
    void withoutPoliciesIsAllowedNothing() {
        AuthPrincipal principal = new AuthPrincipal("nobody", "AKIANOBODY", "x", List.of());

        assertThat(principal.decide("neptune-db:GetEngineStatus", DATABASE, Map.of()))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }
}
