package dev.nereid.server.security;

import dev.nereid.server.auth.AuthConfig;

/** The auth config of the security tests: one principal per kind of policy users write for Neptune. */
final class Principals {
    static final String REGION = "us-east-1";
    static final String CLUSTER = "arn:aws:neptune-db:us-east-1:123456789012:cluster-NEREIDTEST/*";

    record Key(String accessKeyId, String secret) {
    }

    static final Key ADMIN = new Key("AKIAADMIN0000000001", "admin-secret");
    static final Key READER = new Key("AKIAREADER000000002", "reader-secret");
    static final Key GREMLIN_ONLY = new Key("AKIAGREMLIN00000003", "gremlin-secret");
    static final Key NO_DELETE = new Key("AKIANODELETE0000004", "no-delete-secret");
    static final Key OTHER_CLUSTER = new Key("AKIAOTHER0000000005", "other-secret");
    static final Key LEGACY = new Key("AKIALEGACY000000006", "legacy-secret");
    static final Key TLS_ONLY = new Key("AKIATLSONLY00000007", "tls-secret");
    static final Key LOOPBACK_THIS_CENTURY = new Key("AKIALOOPBACK0000008", "loopback-secret");
    static final Key ELSEWHERE = new Key("AKIAELSEWHERE000009", "elsewhere-secret");
    static final Key EXPIRED = new Key("AKIAEXPIRED00000010", "expired-secret");

    private Principals() {
    }

    static AuthConfig config() {
        return AuthConfig.parse("""
                {"region": "us-east-1", "accountId": "123456789012", "clusterResourceId": "cluster-NEREIDTEST",
                 "principals": [
                  {"name": "admin", "accessKeyId": "AKIAADMIN0000000001", "secretAccessKey": "admin-secret",
                   "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "neptune-db:*",
                     "Resource": "arn:aws:neptune-db:us-east-1:123456789012:cluster-NEREIDTEST/*"}]}]},
                  {"name": "reader", "accessKeyId": "AKIAREADER000000002", "secretAccessKey": "reader-secret",
                   "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                     "Action": ["neptune-db:Read*", "neptune-db:Get*", "neptune-db:List*"],
                     "Resource": "arn:aws:neptune-db:us-east-1:123456789012:cluster-NEREIDTEST/*"}]}]},
                  {"name": "gremlin-only", "accessKeyId": "AKIAGREMLIN00000003", "secretAccessKey": "gremlin-secret",
                   "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                     "Action": ["neptune-db:ReadDataViaQuery", "neptune-db:WriteDataViaQuery",
                                "neptune-db:DeleteDataViaQuery"],
                     "Resource": "arn:aws:neptune-db:us-east-1:123456789012:cluster-NEREIDTEST/*",
                     "Condition": {"StringEquals": {"neptune-db:QueryLanguage": "Gremlin"}}}]}]},
                  {"name": "no-delete", "accessKeyId": "AKIANODELETE0000004", "secretAccessKey": "no-delete-secret",
                   "policies": [{"Version": "2012-10-17", "Statement": [
                     {"Effect": "Allow", "Action": "neptune-db:*",
                      "Resource": "arn:aws:neptune-db:us-east-1:123456789012:cluster-NEREIDTEST/*"},
                     {"Effect": "Deny", "Action": "neptune-db:DeleteDataViaQuery", "Resource": "*"}]}]},
                  {"name": "other-cluster", "accessKeyId": "AKIAOTHER0000000005", "secretAccessKey": "other-secret",
                   "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "neptune-db:*",
                     "Resource": "arn:aws:neptune-db:us-east-1:123456789012:cluster-SOMEONEELSE/*"}]}]},
                  {"name": "legacy", "accessKeyId": "AKIALEGACY000000006", "secretAccessKey": "legacy-secret",
                   "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                     "Action": "neptune-db:connect",
                     "Resource": "arn:aws:neptune-db:us-east-1:123456789012:cluster-NEREIDTEST/*"}]}]},
                  {"name": "tls-only", "accessKeyId": "AKIATLSONLY00000007", "secretAccessKey": "tls-secret",
                   "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "neptune-db:*",
                     "Resource": "arn:aws:neptune-db:us-east-1:123456789012:cluster-NEREIDTEST/*",
                     "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}]},
                  {"name": "loopback-this-century", "accessKeyId": "AKIALOOPBACK0000008",
                   "secretAccessKey": "loopback-secret",
                   "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "neptune-db:*",
                     "Resource": "arn:aws:neptune-db:us-east-1:123456789012:cluster-NEREIDTEST/*",
                     "Condition": {"IpAddress": {"aws:SourceIp": ["127.0.0.0/8", "::1"]},
                                   "DateGreaterThan": {"aws:CurrentTime": "2000-01-01T00:00:00Z"},
                                   "NumericLessThan": {"aws:EpochTime": 4102444800}}},
                     {"Effect": "Deny", "Action": "neptune-db:ResetDatabase", "Resource": "*",
                      "Condition": {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}]},
                  {"name": "elsewhere", "accessKeyId": "AKIAELSEWHERE000009", "secretAccessKey": "elsewhere-secret",
                   "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "neptune-db:*",
                     "Resource": "arn:aws:neptune-db:us-east-1:123456789012:cluster-NEREIDTEST/*",
                     "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}]},
                  {"name": "expired", "accessKeyId": "AKIAEXPIRED00000010", "secretAccessKey": "expired-secret",
                   "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "neptune-db:*",
                     "Resource": "arn:aws:neptune-db:us-east-1:123456789012:cluster-NEREIDTEST/*",
                     "Condition": {"DateLessThan": {"aws:CurrentTime": "2020-01-01"}}}]}]}
                 ]}""", "security tests");
    }
}
