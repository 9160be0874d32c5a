package dev.nereid.server.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionTest {
    private static final ConditionClause GREMLIN = new ConditionClause(ConditionOperator.STRING_EQUALS, false,
            "neptune-db:QueryLanguage", List.of("Gremlin"));
    private static final ConditionClause SECURE = new ConditionClause(ConditionOperator.BOOL, false,
            "aws:SecureTransport", List.of("true"));

    @Test
    void holdsOnlyWhenEveryClauseHolds() {
        Condition condition = new Condition(List.of(GREMLIN, SECURE));

        assertThat(condition.holds(context("Gremlin", "true"))).isTrue();
        assertThat(condition.holds(context("Gremlin", "false"))).isFalse();
        assertThat(condition.holds(context("Sparql", "true"))).isFalse();
    }

    @Test
    void noClausesAlwaysHolds() {
        assertThat(Condition.NONE.holds(RequestContext.EMPTY)).isTrue();
    }

    @Test
    void keysMatchInAnyCase() {
        ConditionClause shouting = new ConditionClause(ConditionOperator.BOOL, false, "AWS:SECURETRANSPORT",
                List.of("true"));

        assertThat(shouting.holds(new RequestContext(Map.of("aws:securetransport", "true")))).isTrue();
    }

    private static RequestContext context(String language, String secure) {
        return new RequestContext(Map.of("neptune-db:QueryLanguage", language, "aws:SecureTransport", secure));
    }
}
