package dev.nereid.server.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mostly the policies of Neptune's IAM data-access documentation, against the cluster they name. */
class PolicyEvaluatorTest {
    private static final String CLUSTER = "arn:aws:neptune-db:us-east-1:123456789012:cluster-ABCDEF/*";
    private static final String DATABASE = "arn:aws:neptune-db:us-east-1:123456789012:cluster-ABCDEF/database";
    private static final Map<String, String> GREMLIN = Map.of("neptune-db:QueryLanguage", "Gremlin",
            "aws:SecureTransport", "true");
    private static final Map<String, String> SPARQL = Map.of("neptune-db:QueryLanguage", "Sparql",
            "aws:SecureTransport", "true");
    private static final Map<String, String> NO_KEYS = Map.of();

    private static final Policy ALL_ACCESS = PolicyJson.parse("{'Version': '2012-10-17', 'Statement': [{"
            + "'Effect': 'Allow', 'Action': 'neptune-db:*', 'Resource': '" + CLUSTER + "'}]}");

    @Test
    void noPoliciesAllowNothing() {
        assertThat(PolicyEvaluator.decide(List.of(), "neptune-db:ReadDataViaQuery", DATABASE, GREMLIN))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void allAccessToTheClusterAllowsEveryDataAction() {
        for (String action : List.of("neptune-db:ReadDataViaQuery", "neptune-db:DeleteDataViaQuery",
                "neptune-db:GetStreamRecords", "neptune-db:ResetDatabase", "NEPTUNE-DB:getenginestatus")) {
            assertThat(decide(List.of(ALL_ACCESS), action, NO_KEYS)).as(action).isEqualTo(Decision.ALLOW);
        }
        assertThat(decide(List.of(ALL_ACCESS), "rds:DescribeDBClusters", NO_KEYS)).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void aStatementOnAnotherClustersArnDoesNotApply() {
        Policy otherCluster = PolicyJson.parse("{'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow',"
                + " 'Action': 'neptune-db:*', 'Resource': 'arn:aws:neptune-db:us-east-1:123456789012:cluster-OTHER/*'}]}");
        Policy otherRegion = PolicyJson.parse("{'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow',"
                + " 'Action': 'neptune-db:*', 'Resource': 'arn:aws:neptune-db:eu-west-1:123456789012:cluster-ABCDEF/*'}]}");

        assertThat(decide(List.of(otherCluster, otherRegion), "neptune-db:ReadDataViaQuery", GREMLIN))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void readOnlyAccessAllowsReadsAndGetsButNotWrites() {
        Policy readOnly = PolicyJson.parse("{'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action':"
                + " ['neptune-db:Read*', 'neptune-db:Get*', 'neptune-db:List*'], 'Resource': '" + CLUSTER + "'}]}");

        assertThat(decide(List.of(readOnly), "neptune-db:ReadDataViaQuery", GREMLIN)).isEqualTo(Decision.ALLOW);
        assertThat(decide(List.of(readOnly), "neptune-db:GetStreamRecords", NO_KEYS)).isEqualTo(Decision.ALLOW);
        assertThat(decide(List.of(readOnly), "neptune-db:WriteDataViaQuery", GREMLIN))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(List.of(readOnly), "neptune-db:ResetDatabase", NO_KEYS)).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void readsOnlyInGremlin() {
        Policy gremlinReads = PolicyJson.parse("{'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow',"
                + " 'Action': 'neptune-db:ReadDataViaQuery', 'Resource': '" + CLUSTER + "',"
                + " 'Condition': {'StringEquals': {'neptune-db:QueryLanguage': 'Gremlin'}}}]}");

        assertThat(decide(List.of(gremlinReads), "neptune-db:ReadDataViaQuery", GREMLIN)).isEqualTo(Decision.ALLOW);
        assertThat(decide(List.of(gremlinReads), "neptune-db:ReadDataViaQuery", SPARQL))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(List.of(gremlinReads), "neptune-db:WriteDataViaQuery", GREMLIN))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void everythingButDeletes() {
        Policy noDeletes = PolicyJson.parse("{'Version': '2012-10-17', 'Statement': ["
                + "{'Effect': 'Allow', 'Action': 'neptune-db:*', 'Resource': '" + CLUSTER + "'},"
                + "{'Effect': 'Deny', 'Action': 'neptune-db:DeleteDataViaQuery', 'Resource': '" + CLUSTER + "'}]}");

        assertThat(decide(List.of(noDeletes), "neptune-db:WriteDataViaQuery", GREMLIN)).isEqualTo(Decision.ALLOW);
        assertThat(decide(List.of(noDeletes), "neptune-db:DeleteDataViaQuery", GREMLIN))
                .isEqualTo(Decision.EXPLICIT_DENY);
    }

    @Test
    void anExplicitDenyInOnePolicyBeatsAnAllowInAnother() {
        Policy denyAllInAccount = PolicyJson.parse("{'Version': '2012-10-17', 'Statement': [{'Effect': 'Deny',"
                + " 'Action': 'neptune-db:*', 'Resource': 'arn:aws:neptune-db:us-east-1:123456789012:*'}]}");

        assertThat(decide(List.of(ALL_ACCESS, denyAllInAccount), "neptune-db:ReadDataViaQuery", GREMLIN))
                .isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(decide(List.of(denyAllInAccount, ALL_ACCESS), "neptune-db:ReadDataViaQuery", GREMLIN))
                .isEqualTo(Decision.EXPLICIT_DENY);
    }

    @Test
    void aDenyWhoseConditionFailsDoesNotApply() {
        Policy denyWithoutTls = PolicyJson.parse("{'Version': '2012-10-17', 'Statement': [{'Effect': 'Deny',"
                + " 'Action': '*', 'Resource': '*', 'Condition': {'Bool': {'aws:SecureTransport': 'false'}}}]}");

        assertThat(decide(List.of(ALL_ACCESS, denyWithoutTls), "neptune-db:ReadDataViaQuery", GREMLIN))
                .isEqualTo(Decision.ALLOW);
        assertThat(decide(List.of(ALL_ACCESS, denyWithoutTls), "neptune-db:ReadDataViaQuery",
                Map.of("aws:SecureTransport", "false"))).isEqualTo(Decision.EXPLICIT_DENY);
    }

    @Test
    void notActionAllowsEverythingElse() {
        Policy allButReset = PolicyJson.parse("{'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow',"
                + " 'NotAction': ['neptune-db:ResetDatabase', 'neptune-db:Delete*'], 'Resource': '" + CLUSTER + "'}]}");

        assertThat(decide(List.of(allButReset), "neptune-db:ReadDataViaQuery", GREMLIN)).isEqualTo(Decision.ALLOW);
        assertThat(decide(List.of(allButReset), "neptune-db:resetdatabase", NO_KEYS))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(List.of(allButReset), "neptune-db:DeleteDataViaQuery", GREMLIN))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void notResourceDeniesEveryOtherCluster() {
        Policy onlyThisCluster = PolicyJson.parse("{'Version': '2012-10-17', 'Statement': ["
                + "{'Effect': 'Allow', 'Action': 'neptune-db:*', 'Resource': '*'},"
                + "{'Effect': 'Deny', 'Action': 'neptune-db:*', 'NotResource': '" + CLUSTER + "'}]}");

        assertThat(decide(List.of(onlyThisCluster), "neptune-db:ReadDataViaQuery", GREMLIN))
                .isEqualTo(Decision.ALLOW);
        assertThat(PolicyEvaluator.decide(List.of(onlyThisCluster), "neptune-db:ReadDataViaQuery",
                "arn:aws:neptune-db:us-east-1:123456789012:cluster-OTHER/database", GREMLIN))
                .isEqualTo(Decision.EXPLICIT_DENY);
    }

    @Test
    void theLegacyConnectActionIsJustAnotherAction() {
        Policy connect = PolicyJson.parse("{'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow',"
                + " 'Action': 'neptune-db:connect', 'Resource': '" + CLUSTER + "'}]}");

        assertThat(decide(List.of(connect), "neptune-db:connect", NO_KEYS)).isEqualTo(Decision.ALLOW);
        assertThat(decide(List.of(connect), "neptune-db:ReadDataViaQuery", GREMLIN)).isEqualTo(Decision.IMPLICIT_DENY);
    }

    private static Decision decide(List<Policy> policies, String action, Map<String, String> context) {
        return PolicyEvaluator.decide(policies, action, DATABASE, context);
    }
}
