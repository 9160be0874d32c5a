package dev.nereid.server.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyParserTest {
    private static final String CLUSTER = "arn:aws:neptune-db:us-east-1:123456789012:cluster-ABCDEF/*";
    private static final Statement ALLOW_ALL_ON_CLUSTER = new Statement(null, Effect.ALLOW,
            PatternList.actions(List.of("neptune-db:*"), false), PatternList.resources(List.of(CLUSTER), false),
            Condition.NONE);

    @Test
    void readsOneStatementObject() {
        Policy policy = PolicyJson.parse("{'Version': '2012-10-17', 'Statement': "
                + "{'Effect': 'Allow', 'Action': 'neptune-db:*', 'Resource': '" + CLUSTER + "'}}");

        assertThat(policy).isEqualTo(new Policy("2012-10-17", null, List.of(ALLOW_ALL_ON_CLUSTER)));
    }

    @Test
    void readsAnArrayOfStatements() {
        Policy policy = PolicyJson.parse("{'Version': '2012-10-17', 'Id': 'readers', 'Statement': ["
                + "{'Effect': 'Allow', 'Action': ['neptune-db:*'], 'Resource': ['" + CLUSTER + "']},"
                + "{'Sid': 'NoDeletes', 'Effect': 'Deny', 'NotAction': ['neptune-db:Read*', 'neptune-db:Get*'],"
                + " 'NotResource': '" + CLUSTER + "'}]}");

        assertThat(policy).isEqualTo(new Policy("2012-10-17", "readers", List.of(ALLOW_ALL_ON_CLUSTER,
                new Statement("NoDeletes", Effect.DENY,
                        PatternList.actions(List.of("neptune-db:Read*", "neptune-db:Get*"), true),
                        PatternList.resources(List.of(CLUSTER), true), Condition.NONE))));
    }

    @Test
    void readsAPolicyWithoutVersion() {
        Policy policy = PolicyJson.parse("{'Statement': [{'Effect': 'Allow', 'Action': 'neptune-db:*', 'Resource': '"
                + CLUSTER + "'}]}");

        assertThat(policy).isEqualTo(new Policy(null, null, List.of(ALLOW_ALL_ON_CLUSTER)));
    }

    @Test
    void readsConditionValuesOfEveryKindAsText() {
        Policy policy = PolicyJson.parse("{'Statement': {'Effect': 'Allow', 'Action': '*', 'Resource': '*',"
                + " 'Condition': {'StringEquals': {'neptune-db:QueryLanguage': ['Gremlin', 'Sparql'],"
                + " 'aws:EpochTime': 1700000000}, 'BoolIfExists': {'aws:SecureTransport': true}}}}");

        assertThat(policy.statements().get(0).condition()).isEqualTo(new Condition(List.of(
                new ConditionClause(ConditionOperator.STRING_EQUALS, false, "neptune-db:QueryLanguage",
                        List.of("Gremlin", "Sparql")),
                new ConditionClause(ConditionOperator.STRING_EQUALS, false, "aws:EpochTime", List.of("1700000000")),
                new ConditionClause(ConditionOperator.BOOL, true, "aws:SecureTransport", List.of("true")))));
    }

    @Test
    void readsWhatLooksLikeAVariableLiterallyInAnOlderPolicy() {
        Policy policy = PolicyJson.parse("{'Version': '2008-10-17', 'Statement': {'Effect': 'Deny', 'Action': '*',"
                + " 'Resource': 'arn:aws:neptune-db:us-east-1:123456789012:${x}/*'}}");

        assertThat(policy.statements().get(0).resources().patterns())
                .containsExactly("arn:aws:neptune-db:us-east-1:123456789012:${x}/*");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "'x' | policy must be a JSON object, was \"x\"",
        "{'Version': '2012-10-17', 'Statment': []}"
            + " | policy.Statment is not a known field (expected one of: Version, Id, Statement)",
        "{'Version': '2012-10-18', 'Statement': []}"
            + " | policy.Version must be \"2012-10-17\" or \"2008-10-17\", was \"2012-10-18\"",
        "{'Version': 2012, 'Statement': []} | policy.Version must be \"2012-10-17\" or \"2008-10-17\", was 2012",
        "{'Id': 5, 'Statement': []} | policy.Id must be a string, was 5",
        "{'Version': '2012-10-17'} | policy.Statement is required",
        "{'Statement': []} | policy.Statement must be a statement object or a non-empty array of them, was []",
        "{'Statement': 'x'} | policy.Statement must be a statement object or a non-empty array of them, was \"x\"",
        "{'Statement': [{'Effect': 'Allow', 'Action': '*', 'Resource': '*'}, 'x']}"
            + " | policy.Statement[1] must be a JSON object, was \"x\"",
        "{'Statement': [{'Effect': 'allow', 'Action': '*', 'Resource': '*'}]}"
            + " | policy.Statement[0].Effect must be \"Allow\" or \"Deny\", was \"allow\"",
        "{'Statement': {'Effect': 'Permit', 'Action': '*', 'Resource': '*'}}"
            + " | policy.Statement.Effect must be \"Allow\" or \"Deny\", was \"Permit\"",
        "{'Statement': [{'Action': '*', 'Resource': '*'}]} | policy.Statement[0].Effect is required",
        "{'Statement': [{'Sid': 1, 'Effect': 'Allow', 'Action': '*', 'Resource': '*'}]}"
            + " | policy.Statement[0].Sid must be a string, was 1",
        "{'Statement': [{'Effect': 'Allow', 'Action': '*', 'NotAction': '*', 'Resource': '*'}]}"
            + " | policy.Statement[0] must have exactly one of Action and NotAction, has both",
        "{'Statement': [{'Effect': 'Allow', 'Resource': '*'}]}"
            + " | policy.Statement[0] must have exactly one of Action and NotAction, has neither",
        "{'Statement': [{'Effect': 'Allow', 'Action': '*', 'Resource': '*', 'NotResource': '*'}]}"
            + " | policy.Statement[0] must have exactly one of Resource and NotResource, has both",
        "{'Statement': [{'Effect': 'Allow', 'Action': '*'}]}"
            + " | policy.Statement[0] must have exactly one of Resource and NotResource, has neither",
        "{'Statement': [{'Effect': 'Allow', 'Action': 42, 'Resource': '*'}]}"
            + " | policy.Statement[0].Action must be a string or a non-empty array of strings, was 42",
        "{'Statement': [{'Effect': 'Allow', 'Action': [], 'Resource': '*'}]}"
            + " | policy.Statement[0].Action must be a string or a non-empty array of strings, was []",
        "{'Statement': [{'Effect': 'Allow', 'Action': ['neptune-db:*', 42], 'Resource': '*'}]}"
            + " | policy.Statement[0].Action[1] must be a string, was 42",
        "{'Statement': [{'Effect': 'Allow', 'Action': 'ReadDataViaQuery', 'Resource': '*'}]}"
            + " | policy.Statement[0].Action must be \"*\" or \"service:action\", was \"ReadDataViaQuery\"",
        "{'Statement': [{'Effect': 'Deny', 'NotAction': ['neptune-db:Read*', 'neptune-db:'], 'Resource': '*'}]}"
            + " | policy.Statement[0].NotAction[1] must be \"*\" or \"service:action\", was \"neptune-db:\"",
        "{'Statement': [{'Effect': 'Allow', 'Action': ':ReadDataViaQuery', 'Resource': '*'}]}"
            + " | policy.Statement[0].Action must be \"*\" or \"service:action\", was \":ReadDataViaQuery\"",
        "{'Statement': [{'Effect': 'Allow', 'Action': '*', 'Resource': 'cluster-ABCDEF/*'}]}"
            + " | policy.Statement[0].Resource must be \"*\" or an ARN (arn:...), was \"cluster-ABCDEF/*\"",
        "{'Statement': [{'Effect': 'Allow', 'Action': '*', 'NotResource': ['*', 'ARN:x']}]}"
            + " | policy.Statement[0].NotResource[1] must be \"*\" or an ARN (arn:...), was \"ARN:x\"",
        "{'Statement': [{'Effect': 'Allow', 'Action': '*', 'Resource': {}}]}"
            + " | policy.Statement[0].Resource must be a string or a non-empty array of strings, was {}",
        "{'Statement': [{'Effect': 'Allow', 'Principal': '*', 'Action': '*', 'Resource': '*'}]}"
            + " | policy.Statement[0].Principal is not allowed: these are identity-based policies, which apply to"
            + " the principal they are listed under",
        "{'Statement': [{'Effect': 'Deny', 'NotPrincipal': {'AWS': 'x'}, 'Action': '*', 'Resource': '*'}]}"
            + " | policy.Statement[0].NotPrincipal is not allowed: these are identity-based policies, which apply"
            + " to the principal they are listed under",
        "{'Statement': [{'Effect': 'Allow', 'Action': '*', 'Resources': '*'}]}"
            + " | policy.Statement[0].Resources is not a known field (expected one of: Sid, Effect, Action,"
            + " NotAction, Resource, NotResource, Condition)",
        "{'Version': '2012-10-17', 'Statement': [{'Effect': 'Deny', 'Action': '*',"
            + " 'Resource': 'arn:aws:neptune-db:us-east-1:123456789012:${aws:username}/*'}]}"
            + " | policy.Statement[0].Resource uses the policy variable ${aws:username}, which Nereid does not support",
    })
    void refusesWithThePathOfTheProblem(String json, String message) {
        assertThatThrownBy(() -> PolicyJson.parse(json))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessage(message);
    }
}
