package dev.nereid.server.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionParserTest {
    private static final String SUPPORTED = "(supported: StringEquals, StringNotEquals, StringEqualsIgnoreCase,"
            + " StringNotEqualsIgnoreCase, StringLike, StringNotLike, Bool, each also with IfExists)";

    @ParameterizedTest
    @ValueSource(strings = {"StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
        "StringLike", "StringNotLike", "Bool"})
    void readsEverySupportedOperatorWithAndWithoutIfExists(String operator) {
        Condition condition = condition("{'" + operator + "': {'aws:SecureTransport': 'true'},"
                + " '" + operator + "IfExists': {'aws:SecureTransport': 'false'}}");

        ConditionOperator expected = ConditionOperator.named(operator).orElseThrow();
        assertThat(condition).isEqualTo(new Condition(List.of(
                new ConditionClause(expected, false, "aws:SecureTransport", List.of("true")),
                new ConditionClause(expected, true, "aws:SecureTransport", List.of("false")))));
    }

    @Test
    void readsAnEmptyBlockAsNoCondition() {
        assertThat(condition("{}")).isEqualTo(Condition.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NumericLessThan", "NumericEqualsIfExists", "DateGreaterThan", "IpAddress",
        "ForAnyValue:StringEquals", "ForAllValues:StringLike", "Null", "ArnLike", "stringEquals", "IfExists",
        "StringEqualsIfExistsIfExists"})
    void refusesOperatorsNereidDoesNotEvaluate(String operator) {
        assertThatThrownBy(() -> condition("{'" + operator + "': {'aws:SecureTransport': 'true'}}"))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessage("policy.Statement.Condition." + operator + ": condition operator \"" + operator
                        + "\" is not supported by Nereid " + SUPPORTED);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "'x' | policy.Statement.Condition must be a JSON object, was \"x\"",
        "{'StringEquals': 'x'} | policy.Statement.Condition.StringEquals must be a JSON object of condition keys"
            + " and their values, was \"x\"",
        "{'StringEquals': {}} | policy.Statement.Condition.StringEquals must be a JSON object of condition keys"
            + " and their values, was {}",
        "{'StringEquals': {' ': 'x'}} | policy.Statement.Condition.StringEquals[\" \"] is a blank condition key",
        "{'StringEquals': {'neptune-db:QueryLanguage': null}} | policy.Statement.Condition.StringEquals"
            + ".neptune-db:QueryLanguage must be a string, number, boolean or a non-empty array of them, was null",
        "{'StringEquals': {'neptune-db:QueryLanguage': []}} | policy.Statement.Condition.StringEquals"
            + ".neptune-db:QueryLanguage must be a string, number, boolean or a non-empty array of them, was []",
        "{'StringEquals': {'neptune-db:QueryLanguage': {'a': 1}}} | policy.Statement.Condition.StringEquals"
            + ".neptune-db:QueryLanguage must be a string, number, boolean or a non-empty array of them, was an object",
        "{'StringEquals': {'neptune-db:QueryLanguage': ['Gremlin', null]}} | policy.Statement.Condition"
            + ".StringEquals.neptune-db:QueryLanguage[1] must be a string, number or boolean, was null",
        "{'Bool': {'aws:SecureTransport': 'yes'}} | policy.Statement.Condition.Bool.aws:SecureTransport must be"
            + " true or false, was \"yes\"",
        "{'BoolIfExists': {'aws:SecureTransport': [true, 'nope']}} | policy.Statement.Condition.BoolIfExists"
            + ".aws:SecureTransport[1] must be true or false, was \"nope\"",
        "{'StringNotEquals': {'neptune-db:QueryLanguag': 'Sparql'}} | policy.Statement.Condition.StringNotEquals"
            + ".neptune-db:QueryLanguag is not a Neptune condition key (Neptune has one: neptune-db:QueryLanguage)",
        "{'StringLike': {'aws:userid': 'AIDA*:${aws:username}'}} | policy.Statement.Condition.StringLike"
            + ".aws:userid uses the policy variable ${aws:username}, which Nereid does not support",
    })
    void refusesWithThePathOfTheProblem(String block, String message) {
        assertThatThrownBy(() -> condition(block))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessage(message);
    }

    private static Condition condition(String block) {
        return PolicyJson.parse("{'Version': '2012-10-17', 'Statement': {'Effect': 'Allow', 'Action': '*',"
                + " 'Resource': '*', 'Condition': " + block + "}}").statements().get(0).condition();
    }
}
