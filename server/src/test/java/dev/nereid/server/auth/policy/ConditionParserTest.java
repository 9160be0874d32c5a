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
            + " StringNotEqualsIgnoreCase, StringLike, StringNotLike, NumericEquals, NumericNotEquals, NumericLessThan,"
            + " NumericLessThanEquals, NumericGreaterThan, NumericGreaterThanEquals, DateEquals, DateNotEquals,"
            + " DateLessThan, DateLessThanEquals, DateGreaterThan, DateGreaterThanEquals, Bool, IpAddress,"
            + " NotIpAddress, each also with IfExists)";

    @ParameterizedTest
    @CsvSource({"StringEquals, aws:RequestedRegion, us-east-1", "StringNotEquals, aws:RequestedRegion, us-east-1",
        "StringEqualsIgnoreCase, aws:RequestedRegion, us-east-1", "StringNotEqualsIgnoreCase, aws:RequestedRegion, x",
        "StringLike, aws:RequestedRegion, us-*", "StringNotLike, aws:RequestedRegion, eu-*",
        "NumericEquals, aws:EpochTime, 1767225600", "NumericNotEquals, aws:EpochTime, -1.5",
        "NumericLessThan, aws:EpochTime, 1767225600", "NumericLessThanEquals, aws:EpochTime, 0",
        "NumericGreaterThan, aws:EpochTime, 12.25", "NumericGreaterThanEquals, aws:EpochTime, 1",
        "DateEquals, aws:CurrentTime, 2026-11-22", "DateNotEquals, aws:CurrentTime, 2026-11-22T10:00Z",
        "DateLessThan, aws:CurrentTime, 2026-11-22T10:00:00Z", "DateLessThanEquals, aws:CurrentTime, 1767225600",
        "DateGreaterThan, aws:CurrentTime, 2026-11", "DateGreaterThanEquals, aws:CurrentTime, 2026",
        "Bool, aws:SecureTransport, true", "IpAddress, aws:SourceIp, 10.0.0.0/8",
        "NotIpAddress, aws:SourceIp, 2001:db8::/32"})
    void readsEverySupportedOperatorWithAndWithoutIfExists(String operator, String key, String value) {
        Condition condition = condition("{'" + operator + "': {'" + key + "': '" + value + "'},"
                + " '" + operator + "IfExists': {'" + key + "': ['" + value + "']}}");

        ConditionOperator expected = ConditionOperator.named(operator).orElseThrow();
        assertThat(condition).isEqualTo(new Condition(List.of(
                new ConditionClause(expected, false, key, List.of(value)),
                new ConditionClause(expected, true, key, List.of(value)))));
    }

    @Test
    void readsNumbersWrittenAsJsonNumbers() {
        assertThat(condition("{'NumericLessThan': {'aws:EpochTime': [4102444800, 1.5]}}")).isEqualTo(new Condition(
                List.of(new ConditionClause(ConditionOperator.NUMERIC_LESS_THAN, false, "aws:EpochTime",
                        List.of("4102444800", "1.5")))));
    }

    @Test
    void readsAnEmptyBlockAsNoCondition() {
        assertThat(condition("{}")).isEqualTo(Condition.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BinaryEquals", "ArnEquals", "ArnLikeIfExists", "NumericLess", "ForAnyValue:StringEquals", "ForAllValues:StringLike", "Null", "ArnLike", "stringEquals", "IfExists",
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
        "{'NumericLessThan': {'aws:EpochTime': '1e9'}} | policy.Statement.Condition.NumericLessThan.aws:EpochTime"
            + " must be a number, was \"1e9\"",
        "{'NumericEquals': {'aws:EpochTime': true}} | policy.Statement.Condition.NumericEquals.aws:EpochTime"
            + " must be a number, was true",
        "{'DateLessThan': {'aws:CurrentTime': '2026-11-22 10:00'}} | policy.Statement.Condition.DateLessThan"
            + ".aws:CurrentTime must be an ISO 8601 date or date-time with a zone (e.g. 2026-11-22T10:00:00Z) or UNIX"
            + " epoch seconds, was \"2026-11-22 10:00\"",
        "{'DateGreaterThan': {'aws:CurrentTime': '2026-11-22T10:00:00'}} | policy.Statement.Condition"
            + ".DateGreaterThan.aws:CurrentTime must be an ISO 8601 date or date-time with a zone (e.g."
            + " 2026-11-22T10:00:00Z) or UNIX epoch seconds, was \"2026-11-22T10:00:00\"",
        "{'DateEquals': {'aws:CurrentTime': '1767225600000'}} | policy.Statement.Condition.DateEquals"
            + ".aws:CurrentTime must be an ISO 8601 date or date-time with a zone (e.g. 2026-11-22T10:00:00Z) or UNIX"
            + " epoch seconds, was \"1767225600000\"",
        "{'IpAddress': {'aws:SourceIp': ['10.0.0.0/8', 'intranet.example.com']}} | policy.Statement.Condition"
            + ".IpAddress.aws:SourceIp[1] must be an IPv4 or IPv6 address or CIDR range (e.g. 203.0.113.0/24), was"
            + " \"intranet.example.com\"",
        "{'NotIpAddressIfExists': {'aws:SourceIp': '10.0.0.0/33'}} | policy.Statement.Condition.NotIpAddressIfExists"
            + ".aws:SourceIp must be an IPv4 or IPv6 address or CIDR range (e.g. 203.0.113.0/24), was \"10.0.0.0/33\"",
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
