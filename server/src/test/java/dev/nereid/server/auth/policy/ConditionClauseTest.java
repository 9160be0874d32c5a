package dev.nereid.server.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionClauseTest {
    private static final String ABSENT = "<absent>";

    /**
     * @param values       the policy's values, separated by {@code ;}
     * @param requestValue the request's value of the key, or {@code <absent>}
     */
    @ParameterizedTest(name = "{0}{1} {2} vs {3} -> {4}")
    @CsvSource(delimiter = '|', value = {
        "StringEquals              | ''       | Gremlin        | Gremlin  | true",
        "StringEquals              | ''       | Gremlin        | gremlin  | false",
        "StringEquals              | ''       | Gremlin;Sparql | Sparql   | true",
        "StringEquals              | ''       | Gremlin        | <absent> | false",
        "StringEquals              | IfExists | Gremlin        | <absent> | true",
        "StringEquals              | IfExists | Gremlin        | Sparql   | false",
        "StringNotEquals           | ''       | Gremlin        | Gremlin  | false",
        "StringNotEquals           | ''       | Gremlin        | gremlin  | true",
        "StringNotEquals           | ''       | Gremlin;Sparql | Sparql   | false",
        "StringNotEquals           | ''       | Gremlin;Sparql | OpenCypher | true",
        "StringNotEquals           | ''       | Gremlin        | <absent> | true",
        "StringNotEquals           | IfExists | Gremlin        | <absent> | true",
        "StringNotEquals           | IfExists | Gremlin        | Gremlin  | false",
        "StringEqualsIgnoreCase    | ''       | gremlin        | GREMLIN  | true",
        "StringEqualsIgnoreCase    | ''       | gremlin        | Sparql   | false",
        "StringEqualsIgnoreCase    | ''       | gremlin        | <absent> | false",
        "StringEqualsIgnoreCase    | IfExists | gremlin        | <absent> | true",
        "StringNotEqualsIgnoreCase | ''       | gremlin        | GREMLIN  | false",
        "StringNotEqualsIgnoreCase | ''       | gremlin        | Sparql   | true",
        "StringNotEqualsIgnoreCase | ''       | gremlin        | <absent> | true",
        "StringNotEqualsIgnoreCase | IfExists | gremlin        | GREMLIN  | false",
        "StringLike                | ''       | Grem*          | Gremlin  | true",
        "StringLike                | ''       | Grem*          | gremlin  | false",
        "StringLike                | ''       | Open*;?parql   | Sparql   | true",
        "StringLike                | ''       | Grem*          | <absent> | false",
        "StringLike                | IfExists | Grem*          | <absent> | true",
        "StringNotLike             | ''       | Grem*          | Gremlin  | false",
        "StringNotLike             | ''       | Grem*          | Sparql   | true",
        "StringNotLike             | ''       | Grem*;Spa*     | Sparql   | false",
        "StringNotLike             | ''       | Grem*          | <absent> | true",
        "StringNotLike             | IfExists | Grem*          | <absent> | true",
        "Bool                      | ''       | true           | true     | true",
        "Bool                      | ''       | true           | TRUE     | true",
        "Bool                      | ''       | true           | false    | false",
        "Bool                      | ''       | False          | false    | true",
        "Bool                      | ''       | true           | <absent> | false",
        "Bool                      | IfExists | true           | <absent> | true",
        "Bool                      | IfExists | true           | false    | false",
    })
    void holdsAsIamSays(String operator, String suffix, String values, String requestValue, boolean expected) {
        ConditionClause clause = new ConditionClause(ConditionOperator.named(operator).orElseThrow(),
                suffix.equals("IfExists"), "neptune-db:QueryLanguage", List.of(values.split(";")));
        RequestContext context = requestValue.equals(ABSENT) ? RequestContext.EMPTY
                : new RequestContext(Map.of("neptune-db:QueryLanguage", requestValue));

        assertThat(clause.holds(context)).isEqualTo(expected);
    }
}
