package dev.nereid.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nereid.server.auth.policy.Decision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthConfigTest {
    private static final String READER = "{'name': 'reader', 'accessKeyId': 'AKIAREADER', 'secretAccessKey': 's3cr3t',"
            + " 'policies': [{'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow',"
            + " 'Action': ['neptune-db:Read*', 'neptune-db:Get*'],"
            + " 'Resource': 'arn:aws:neptune-db:us-east-1:123456789012:cluster-ABCDEF/*'}]}]}";
    private static final String NOBODY = "{'name': 'nobody', 'accessKeyId': 'AKIANOBODY', 'secretAccessKey': 'x',"
            + " 'policies': []}";
    private static final String FULL = "{'region': 'us-east-1', 'accountId': '123456789012',"
            + " 'clusterResourceId': 'cluster-ABCDEF', 'principals': [" + READER + ", " + NOBODY + "]}";

    @TempDir
    Path dir;

    @Test
    void readsAFullConfig() {
        AuthConfig config = parse(FULL);

        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.accountId()).isEqualTo("123456789012");
        assertThat(config.clusterResourceId()).isEqualTo("cluster-ABCDEF");
        assertThat(config.principals()).extracting(AuthPrincipal::name).containsExactly("reader", "nobody");
        assertThat(config.principals().get(0).secretAccessKey()).isEqualTo("s3cr3t");
        assertThat(config.principals().get(0).policies()).hasSize(1);
        assertThat(config.principals().get(1).policies()).isEmpty();
    }

    @Test
    void defaultsTheAccountAndCluster() {
        AuthConfig config = parse("{'region': 'eu-west-1', 'principals': [" + NOBODY + "]}");

        assertThat(config.accountId()).isEqualTo("000000000000");
        assertThat(config.clusterResourceId()).isEqualTo("cluster-NEREID");
        assertThat(config.databaseArn()).isEqualTo("arn:aws:neptune-db:eu-west-1:000000000000:cluster-NEREID/database");
    }

    @Test
    void namesTheDatabaseAsNeptunePoliciesDo() {
        assertThat(parse(FULL).databaseArn())
                .isEqualTo("arn:aws:neptune-db:us-east-1:123456789012:cluster-ABCDEF/database");
    }

    @Test
    void findsPrincipalsByAccessKeyId() {
        AuthConfig config = parse(FULL);

        assertThat(config.principalByAccessKeyId("AKIANOBODY")).map(AuthPrincipal::name).hasValue("nobody");
        assertThat(config.principalByAccessKeyId("akianobody")).isEmpty();
        assertThat(config.principalByAccessKeyId("AKIAUNKNOWN")).isEmpty();
    }

    @Test
    void thePoliciesOfTheFileDecideForTheDatabase() {
        AuthConfig config = parse(FULL);
        AuthPrincipal reader = config.principalByAccessKeyId("AKIAREADER").orElseThrow();
        AuthPrincipal nobody = config.principalByAccessKeyId("AKIANOBODY").orElseThrow();
        Map<String, String> gremlin = Map.of("neptune-db:QueryLanguage", "Gremlin");

        assertThat(reader.decide("neptune-db:ReadDataViaQuery", config.databaseArn(), gremlin))
                .isEqualTo(Decision.ALLOW);
        assertThat(reader.decide("neptune-db:WriteDataViaQuery", config.databaseArn(), gremlin))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(nobody.decide("neptune-db:ReadDataViaQuery", config.databaseArn(), gremlin))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void equalsAConfigBuiltFromTheSamePrincipals() {
        AuthConfig config = parse(FULL);

        assertThat(new AuthConfig(config.region(), config.accountId(), config.clusterResourceId(),
                List.copyOf(config.principals()))).isEqualTo(config);
    }

    @Test
    void leavesSecretsOutOfItsText() {
        assertThat(parse(FULL)).hasToString("AuthConfig[region=us-east-1, accountId=123456789012,"
                + " clusterResourceId=cluster-ABCDEF, principals=[AuthPrincipal[name=reader, accessKeyId=AKIAREADER,"
                + " policies=1], AuthPrincipal[name=nobody, accessKeyId=AKIANOBODY, policies=0]]]");
    }

    @Test
    void cannotBeBuiltWithOneAccessKeyTwice() {
        AuthPrincipal one = new AuthPrincipal("one", "AKIASAME", "x", List.of());
        AuthPrincipal two = new AuthPrincipal("two", "AKIASAME", "y", List.of());

        assertThatThrownBy(() -> new AuthConfig("us-east-1", "123456789012", "cluster-A", List.of(one, two)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two principals have the access key ID AKIASAME");
    }

    @Test
    void readsAFile() throws IOException {
        Path file = write("auth.json", FULL.replace('\'', '"'));

        assertThat(AuthConfig.read(file)).isEqualTo(parse(FULL));
    }

    @Test
    void namesAMissingFile() {
        Path file = dir.resolve("missing.json");

        assertThatThrownBy(() -> AuthConfig.read(file))
                .isInstanceOf(AuthConfigException.class)
                .hasMessage("auth config " + file + ": file does not exist");
    }

    @Test
    void namesAFileThatCannotBeRead() {
        assertThatThrownBy(() -> AuthConfig.read(dir))
                .isInstanceOf(AuthConfigException.class)
                .hasMessage("auth config " + dir + ": file cannot be read: Is a directory");
    }

    @Test
    void givesTheLineAndColumnOfBadJson() throws IOException {
        Path file = write("auth.json", "{\"region\": \"us-east-1\",\n \"principals\": [}");

        assertThatThrownBy(() -> AuthConfig.read(file))
                .isInstanceOf(AuthConfigException.class)
                .hasMessage("auth config " + file + ": not valid JSON at line 2, column 17: Unexpected close marker"
                        + " '}': expected ']' (for Array starting at line 2, column 16)");
    }

    @Test
    void refusesBytesThatAreNotUtf8() throws IOException {
        Path file = dir.resolve("latin1.json");
        Files.write(file, "{\"region\": \"s\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> AuthConfig.read(file))
                .isInstanceOf(AuthConfigException.class)
                .hasMessage("auth config " + file + ": not valid JSON at line 1, column 16: Invalid UTF-8 middle byte"
                        + " 0x22");
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        Path file = write("empty.json", " \n");

        assertThatThrownBy(() -> AuthConfig.read(file))
                .isInstanceOf(AuthConfigException.class)
                .hasMessage("auth config " + file + ": not valid JSON: there is nothing in it");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"region\": \"a\", \"region\": \"b\"} | not valid JSON at line 1, column 25: Duplicate field 'region'",
        "{\"region\": \"a\"} [] | not valid JSON at line 1, column 17: there is more after the top-level value",
        "{'region': 'a' | not valid JSON at line 1, column 15: Unexpected end-of-input: expected close marker for"
            + " Object (start marker at line 1, column 1)",
    })
    void refusesWhatIsNotJson(String json, String problem) {
        assertThatThrownBy(() -> AuthConfig.parse(json.replace('\'', '"'), "test.json"))
                .isInstanceOf(AuthConfigException.class)
                .hasMessage("auth config test.json: " + problem);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "[] | the top level must be a JSON object, was []",
        "{'regoin': 'us-east-1', 'principals': [@]} | regoin is not a known field (expected one of: region,"
            + " accountId, clusterResourceId, principals)",
        "{'principals': [@]} | region is required",
        "{'region': '  ', 'principals': [@]} | region must be a non-blank string, was \"  \"",
        "{'region': 1, 'principals': [@]} | region must be a non-blank string, was 1",
        "{'region': 'us-east-1', 'accountId': '12345', 'principals': [@]}"
            + " | accountId must be a string of 12 digits, was \"12345\"",
        "{'region': 'us-east-1', 'accountId': '12345678901a', 'principals': [@]}"
            + " | accountId must be a string of 12 digits, was \"12345678901a\"",
        "{'region': 'us-east-1', 'accountId': 123456789012, 'principals': [@]}"
            + " | accountId must be a string of 12 digits, was 123456789012",
        "{'region': 'us-east-1', 'clusterResourceId': '', 'principals': [@]}"
            + " | clusterResourceId must be a non-blank string, was \"\"",
        "{'region': 'us-east-1', 'clusterResourceId': null, 'principals': [@]}"
            + " | clusterResourceId must be a non-blank string, was null",
        "{'region': 'us-east-1', 'clusterResourceId': 'cluster-A/B', 'principals': [@]}"
            + " | clusterResourceId must not contain '/', was \"cluster-A/B\"",
        "{'region': 'us-east-1'} | principals is required",
        "{'region': 'us-east-1', 'principals': []} | principals must be a non-empty array of principals, was []",
        "{'region': 'us-east-1', 'principals': {}} | principals must be a non-empty array of principals, was {}",
        "{'region': 'us-east-1', 'principals': [@, 'reader']} | principals[1] must be a JSON object, was \"reader\"",
        "{'region': 'us-east-1', 'principals': [{'name': 'a', 'accessKeyId': 'A', 'secretAccessKey': 'x',"
            + " 'polices': []}]} | principals[0].polices is not a known field (expected one of: name, accessKeyId,"
            + " secretAccessKey, policies)",
        "{'region': 'us-east-1', 'principals': [{'accessKeyId': 'A', 'secretAccessKey': 'x', 'policies': []}]}"
            + " | principals[0].name is required",
        "{'region': 'us-east-1', 'principals': [{'name': '', 'accessKeyId': 'A', 'secretAccessKey': 'x',"
            + " 'policies': []}]} | principals[0].name must be a non-blank string, was \"\"",
        "{'region': 'us-east-1', 'principals': [{'name': 'a', 'secretAccessKey': 'x', 'policies': []}]}"
            + " | principals[0].accessKeyId is required",
        "{'region': 'us-east-1', 'principals': [{'name': 'a', 'accessKeyId': 7, 'secretAccessKey': 'x',"
            + " 'policies': []}]} | principals[0].accessKeyId must be a non-blank string, was 7",
        "{'region': 'us-east-1', 'principals': [{'name': 'a', 'accessKeyId': 'A', 'policies': []}]}"
            + " | principals[0].secretAccessKey is required",
        "{'region': 'us-east-1', 'principals': [{'name': 'a', 'accessKeyId': 'A', 'secretAccessKey': 1234567,"
            + " 'policies': []}]} | principals[0].secretAccessKey must be a non-blank string",
        "{'region': 'us-east-1', 'principals': [{'name': 'a', 'accessKeyId': 'A', 'secretAccessKey': ' ',"
            + " 'policies': []}]} | principals[0].secretAccessKey must be a non-blank string",
        "{'region': 'us-east-1', 'principals': [{'name': 'a', 'accessKeyId': 'A', 'secretAccessKey': 'x'}]}"
            + " | principals[0].policies is required",
        "{'region': 'us-east-1', 'principals': [{'name': 'a', 'accessKeyId': 'A', 'secretAccessKey': 'x',"
            + " 'policies': {}}]} | principals[0].policies must be an array of policy documents, was {}",
        "{'region': 'us-east-1', 'principals': [@, {'name': 'nobody', 'accessKeyId': 'AKIAOTHER',"
            + " 'secretAccessKey': 'x', 'policies': []}]}"
            + " | principals[1].name \"nobody\" is already the name of principals[0]",
        "{'region': 'us-east-1', 'principals': [@, {'name': 'other', 'accessKeyId': 'AKIANOBODY',"
            + " 'secretAccessKey': 'x', 'policies': []}]}"
            + " | principals[1].accessKeyId \"AKIANOBODY\" is already the access key ID of principals[0]",
    })
    void refusesWithThePathOfTheProblem(String json, String problem) {
        assertThatThrownBy(() -> parse(json.replace("@", NOBODY)))
                .isInstanceOf(AuthConfigException.class)
                .hasMessage("auth config test.json: " + problem);
    }

    @Test
    void namesTheStatementOfABadPolicy() {
        String statements = "{'Effect': 'Allow', 'Action': '*', 'Resource': '*'}, ";
        String json = "{'region': 'us-east-1', 'principals': [" + NOBODY + ", {'name': 'writer',"
                + " 'accessKeyId': 'AKIAWRITER', 'secretAccessKey': 'x', 'policies': [{'Version': '2012-10-17',"
                + " 'Statement': [" + statements + statements + "{'Effect': 'allow', 'Action': '*',"
                + " 'Resource': '*'}]}]}]}";

        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(AuthConfigException.class)
                .hasMessage("auth config test.json: principals[1].policies[0].Statement[2].Effect must be \"Allow\""
                        + " or \"Deny\", was \"allow\"");
    }

    @Test
    void namesAConditionOperatorNereidDoesNotSupport() {
        String json = "{'region': 'us-east-1', 'principals': [{'name': 'a', 'accessKeyId': 'A',"
                + " 'secretAccessKey': 'x', 'policies': [{'Statement': {'Effect': 'Deny', 'Action': '*',"
                + " 'Resource': '*', 'Condition': {'ArnLike': {'aws:PrincipalArn': 'arn:aws:iam::*:user/a'}}}}]}]}";

        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(AuthConfigException.class)
                .hasMessageStartingWith("auth config test.json: principals[0].policies[0].Statement.Condition.ArnLike:"
                        + " condition operator \"ArnLike\" is not supported by Nereid (supported: StringEquals,")
                .hasMessageEndingWith(" IpAddress, NotIpAddress, each also with IfExists)");
    }

    private static AuthConfig parse(String singleQuoted) {
        return AuthConfig.parse(singleQuoted.replace('\'', '"'), "test.json");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
