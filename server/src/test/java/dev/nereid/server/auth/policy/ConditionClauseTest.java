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
        "NumericEquals             | ''       | 10             | 10.0     | true",
        "NumericEquals             | ''       | 10;11          | 11       | true",
        "NumericEquals             | ''       | 10             | 9        | false",
        "NumericEquals             | ''       | 10             | ten      | false",
        "NumericEquals             | IfExists | 10             | <absent> | true",
        "NumericNotEquals          | ''       | 10             | 9        | true",
        "NumericNotEquals          | ''       | 10;9           | 9        | false",
        "NumericNotEquals          | ''       | 10             | ten      | false",
        "NumericNotEquals          | ''       | 10             | <absent> | true",
        "NumericLessThan           | ''       | 10             | 9.99     | true",
        "NumericLessThan           | ''       | 10             | 10       | false",
        "NumericLessThan           | ''       | -5             | -6       | true",
        "NumericLessThanEquals     | ''       | 10             | 10       | true",
        "NumericLessThanEquals     | ''       | 10             | 11       | false",
        "NumericGreaterThan        | ''       | 10             | 11       | true",
        "NumericGreaterThan        | ''       | 10             | 10       | false",
        "NumericGreaterThan        | ''       | 10             | <absent> | false",
        "NumericGreaterThanEquals  | ''       | 10             | 10       | true",
        "NumericGreaterThanEquals  | ''       | 10             | 9        | false",
        "DateEquals                | ''       | 2026-11-22     | 2026-11-22T00:00:00Z | true",
        "DateEquals                | ''       | 1767225600     | 2026-01-01T00:00:00Z | true",
        "DateEquals                | ''       | 2026-01-01T01:00:00+01:00 | 2026-01-01T00:00:00Z | true",
        "DateEquals                | ''       | 2026-11-22     | Gremlin  | false",
        "DateNotEquals             | ''       | 2026-11-22     | 2026-11-22T00:00:01Z | true",
        "DateNotEquals             | ''       | 2026-11-22     | Gremlin  | false",
        "DateLessThan              | ''       | 2026-11-22T10:00Z | 2026-11-22T09:59:59.999Z | true",
        "DateLessThan              | ''       | 2026-11-22T10:00Z | 2026-11-22T10:00:00Z | false",
        "DateLessThan              | ''       | 2026      | 1767225599 | true",
        "DateLessThanEquals        | ''       | 2026-11    | 2026-11-01T00:00:00Z | true",
        "DateLessThanEquals        | ''       | 2026-11    | 2026-11-01T00:00:01Z | false",
        "DateGreaterThan           | ''       | 2026-11-22 | 2026-11-22T00:00:00.001Z | true",
        "DateGreaterThan           | ''       | 2026-11-22 | 2026-11-21T23:59:59Z | false",
        "DateGreaterThan           | IfExists | 2026-11-22 | <absent> | true",
        "DateGreaterThanEquals     | ''       | 2026-11-22 | 2026-11-22T00:00:00Z | true",
        "IpAddress                 | ''       | 203.0.113.0/24 | 203.0.113.77 | true",
        "IpAddress                 | ''       | 203.0.113.0/24 | 203.0.114.1 | false",
        "IpAddress                 | ''       | 10.0.0.0/8;203.0.113.5 | 203.0.113.5 | true",
        "IpAddress                 | ''       | 203.0.113.5 | 203.0.113.6 | false",
        "IpAddress                 | ''       | 203.0.113.0/24 | ::ffff:203.0.113.9 | true",
        "IpAddress                 | ''       | 2001:db8::/32 | 2001:db8:0:1::7 | true",
        "IpAddress                 | ''       | 2001:db8::/32 | 2001:db9::7 | false",
        "IpAddress                 | ''       | 0.0.0.0/0  | ::1      | false",
        "IpAddress                 | ''       | 127.0.0.1  | localhost | false",
        "IpAddress                 | ''       | 10.0.0.0/8 | <absent> | false",
        "IpAddress                 | IfExists | 10.0.0.0/8 | <absent> | true",
        "NotIpAddress              | ''       | 203.0.113.0/24 | 198.51.100.1 | true",
        "NotIpAddress              | ''       | 203.0.113.0/24 | 203.0.113.1 | false",
        "NotIpAddress              | ''       | 203.0.113.0/24 | <absent> | true",
        "NotIpAddress              | ''       | 203.0.113.0/24 | nonsense | false",
    })
    void holdsAsIamSays(String operator, String suffix, String values, String requestValue, boolean expected) {
        ConditionClause clause = new ConditionClause(ConditionOperator.named(operator).orElseThrow(),
                suffix.equals("IfExists"), "neptune-db:QueryLanguage", List.of(values.split(";")));
        RequestContext context = requestValue.equals(ABSENT) ? RequestContext.EMPTY
                : new RequestContext(Map.of("neptune-db:QueryLanguage", requestValue));

        assertThat(clause.holds(context)).isEqualTo(expected);
    }
}
