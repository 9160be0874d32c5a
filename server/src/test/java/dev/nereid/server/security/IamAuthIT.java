package dev.nereid.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nereid.log.CommitInfo;
import dev.nereid.server.TestServer;
import dev.nereid.server.security.Principals.Key;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.AccessDeniedException;
import software.amazon.awssdk.services.neptunedata.model.Action;
import software.amazon.awssdk.services.neptunedata.model.GetEngineStatusResponse;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;

/**
 * {@code --auth sigv4} against the AWS SDK for Java v2's {@code neptunedata} client and requests signed by the
 * SDK's own signer: allowed calls succeed; bad signatures and denied actions get Neptune's 403 and change nothing.
 */
class IamAuthIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DENIED = "Authentication or authorization failure.";

    @TempDir
    static Path dir;
    static TestServer server;
    static final SignedHttp HTTP = SignedHttp.plain();

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, c -> c.withSecurity(c.security().withAuth(Principals.config())));
        // Signatures are checked against the server's clock; the SDK signs with the real one.
        server.clock.set(System.currentTimeMillis());
        try (NeptunedataClient admin = sdk(Principals.ADMIN)) {
            admin.executeGremlinQuery(r -> r.gremlinQuery("g.addV('person').property(id,'seed').property('n',1)"));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static NeptunedataClient sdk(Key key) {
        return sdk(StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secret())));
    }

    static NeptunedataClient sdk(StaticCredentialsProvider credentials) {
        return NeptunedataClient.builder().endpointOverride(server.uri("")).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1))).build();
    }

    @Test
    void anAllowedPrincipalUsesEveryEndpointThroughTheSdk() {
        try (NeptunedataClient admin = sdk(Principals.ADMIN)) {
            admin.executeGremlinQuery(r -> r.gremlinQuery("g.addV('person').property(id,'admin-1')"));
            Document rows = admin.executeOpenCypherQuery(r -> r.openCypherQuery(
                    "MATCH (n:person {`~id`: 'admin-1'}) RETURN count(n) AS c")).results();
            assertThat(rows.asList().get(0).asMap().get("c").asNumber().intValue()).isEqualTo(1);
            assertThat(admin.getPropertygraphStream(r -> r.iteratorType(IteratorType.TRIM_HORIZON).limit(1L))
                    .records()).hasSize(1);
            GetEngineStatusResponse status = admin.getEngineStatus(r -> { });
            assertThat(status.features().get("IAMAuthentication").asString()).isEqualTo("enabled");
            assertThat(status.settings().get("clusterQueryTimeoutInMs")).isEqualTo("120000");
        }
    }

    @Test
    void aReadOnlyPolicyReadsButCannotWriteDeleteOrReset() {
        try (NeptunedataClient reader = sdk(Principals.READER)) {
            assertThat(reader.executeGremlinQuery(r -> r.gremlinQuery("g.V('seed').values('n')")).result()
                    .toString()).contains("1");
            assertThat(reader.getPropertygraphStream(r -> r.iteratorType(IteratorType.TRIM_HORIZON).limit(1L)).records()).hasSize(1);
            assertUnchanged(() -> reader.executeGremlinQuery(r -> r.gremlinQuery("g.addV('x')")));
            assertUnchanged(() -> reader.executeGremlinQuery(r -> r.gremlinQuery("g.V('seed').drop()")));
            assertUnchanged(() -> reader.executeOpenCypherQuery(r -> r.openCypherQuery("CREATE (:x)")));
            assertUnchanged(() -> reader.executeFastReset(r -> r.action(Action.INITIATE_DATABASE_RESET)));
        }
        assertThat(signed(Principals.READER, sparqlQuery("SELECT * WHERE { ?s ?p ?o }")).statusCode()).isEqualTo(200);
        assertDenied(signed(Principals.READER, sparqlUpdate("INSERT DATA { <urn:a> <urn:b> <urn:c> }")));
    }

    @Test
    void theQueryLanguageConditionLetsOnlyGremlinIn() {
        try (NeptunedataClient gremlin = sdk(Principals.GREMLIN_ONLY)) {
            gremlin.executeGremlinQuery(r -> r.gremlinQuery("g.addV('person').property(id,'gremlin-1')"));
            gremlin.executeGremlinQuery(r -> r.gremlinQuery("g.V('gremlin-1').drop()"));
            assertUnchanged(() -> gremlin.executeOpenCypherQuery(r -> r.openCypherQuery("MATCH (n) RETURN n")));
            // The stream is not a query: the condition's statement does not grant it.
            assertUnchanged(() -> gremlin.getPropertygraphStream(r -> r.limit(1L)));
        }
        assertDenied(signed(Principals.GREMLIN_ONLY, sparqlQuery("SELECT * WHERE { ?s ?p ?o }")));
    }

    @Test
    void anExplicitDenyOfDeleteWinsOverAllowAll() {
        try (NeptunedataClient admin = sdk(Principals.ADMIN)) {
            admin.executeGremlinQuery(r -> r.gremlinQuery("g.addV('person').property(id,'nd-1').property('n',1)"));
        }
        try (NeptunedataClient noDelete = sdk(Principals.NO_DELETE)) {
            noDelete.executeGremlinQuery(r -> r.gremlinQuery("g.addV('person')"));
            noDelete.executeOpenCypherQuery(r -> r.openCypherQuery("CREATE (:person {n: 2})"));
            // Neptune: property() may replace a value, so it needs DeleteDataViaQuery too.
            assertUnchanged(() -> noDelete.executeGremlinQuery(r -> r.gremlinQuery("g.V('nd-1').property('n',3)")));
            assertUnchanged(() -> noDelete.executeGremlinQuery(r -> r.gremlinQuery("g.V('nd-1').drop()")));
            assertUnchanged(() -> noDelete.executeGremlinQuery(r -> r.gremlinQuery(
                    "g.V('nd-1').properties('n').drop()")));
            assertUnchanged(() -> noDelete.executeOpenCypherQuery(r -> r.openCypherQuery(
                    "MATCH (n {`~id`: 'nd-1'}) DETACH DELETE n")));
            assertUnchanged(() -> noDelete.executeOpenCypherQuery(r -> r.openCypherQuery(
                    "MATCH (n {`~id`: 'nd-1'}) REMOVE n.n")));
        }
        assertThat(signed(Principals.NO_DELETE, sparqlUpdate("INSERT DATA { <urn:nd> <urn:p> 1 }")).statusCode())
                .isEqualTo(200);
        assertDenied(signed(Principals.NO_DELETE, sparqlUpdate("DELETE DATA { <urn:nd> <urn:p> 1 }")));
        assertDenied(signed(Principals.NO_DELETE, sparqlUpdate("CLEAR ALL")));
    }

    @Test
    void aPolicyForAnotherClusterAllowsNothing() {
        try (NeptunedataClient other = sdk(Principals.OTHER_CLUSTER)) {
            assertUnchanged(() -> other.executeGremlinQuery(r -> r.gremlinQuery("g.V().count()")));
            assertUnchanged(() -> other.getEngineStatus(r -> { }));
        }
    }

    @Test
    void theLegacyConnectActionStillGrantsAllDataAccess() {
        try (NeptunedataClient legacy = sdk(Principals.LEGACY)) {
            legacy.executeGremlinQuery(r -> r.gremlinQuery("g.addV('person').property(id,'legacy-1')"));
            legacy.executeGremlinQuery(r -> r.gremlinQuery("g.V('legacy-1').drop()"));
            assertThat(legacy.getEngineStatus(r -> { }).status()).isEqualTo("healthy");
        }
    }

    @Test
    void aPolicyThatNeedsTlsAllowsNothingOverPlainHttp() {
        try (NeptunedataClient tlsOnly = sdk(Principals.TLS_ONLY)) {
            assertUnchanged(() -> tlsOnly.getEngineStatus(r -> { }));
        }
    }

    @Test
    void sourceIpAndTimeConditionsHoldAsWritten() {
        try (NeptunedataClient loopback = sdk(Principals.LOOPBACK_THIS_CENTURY)) {
            loopback.executeGremlinQuery(r -> r.gremlinQuery("g.addV('person').property(id,'loopback-1')"));
            loopback.executeGremlinQuery(r -> r.gremlinQuery("g.V('loopback-1').drop()"));
            assertThat(loopback.getEngineStatus(r -> { }).status()).isEqualTo("healthy");
            assertUnchanged(() -> loopback.executeFastReset(r -> r.action(Action.INITIATE_DATABASE_RESET)));
        }
        try (NeptunedataClient elsewhere = sdk(Principals.ELSEWHERE); NeptunedataClient expired = sdk(Principals.EXPIRED)) {
            assertUnchanged(() -> elsewhere.executeGremlinQuery(r -> r.gremlinQuery("g.addV('person').property(id,'e')")));
            assertUnchanged(() -> expired.executeGremlinQuery(r -> r.gremlinQuery("g.addV('person').property(id,'e')")));
            assertUnchanged(() -> expired.getEngineStatus(r -> { }));
        }
    }

    @Test
    void sessionCredentialsOfAConfiguredKeyPairAreAccepted() {
        StaticCredentialsProvider session = StaticCredentialsProvider.create(AwsSessionCredentials.create(
                Principals.ADMIN.accessKeyId(), Principals.ADMIN.secret(), "a-session-token"));
        try (NeptunedataClient admin = sdk(session)) {
            assertThat(admin.getEngineStatus(r -> { }).status()).isEqualTo("healthy");
        }
    }

    @Test
    void aWrongSecretOrAnUnknownKeyIsRefused() {
        try (NeptunedataClient wrong = sdk(new Key(Principals.ADMIN.accessKeyId(), "not-the-secret"));
             NeptunedataClient unknown = sdk(new Key("AKIAUNKNOWN00000000", "admin-secret"))) {
            assertUnchanged(() -> wrong.executeGremlinQuery(r -> r.gremlinQuery("g.addV('x')")));
            assertUnchanged(() -> unknown.executeGremlinQuery(r -> r.gremlinQuery("g.addV('x')")));
            assertUnchanged(() -> wrong.getEngineStatus(r -> { }));
        }
    }

    @Test
    void spoiledSignaturesAreRefusedAndChangeNothing() {
        URI gremlin = server.uri("/gremlin");
        String body = "{\"gremlin\":\"g.addV('spoiled')\"}";
        Map<String, String> json = Map.of("Content-Type", "application/json");
        SignedHttp.Signed good = SignedHttp.sign("POST", gremlin, json, body, key(Principals.ADMIN), "us-east-1",
                "neptune-db", Clock.systemUTC());
        Clock now = Clock.systemUTC();
        assertDenied(SignedHttp.sign("POST", gremlin, json, body, key(Principals.ADMIN), "us-east-1", "neptune-db",
                Clock.offset(now, Duration.ofMinutes(-6))));
        assertDenied(SignedHttp.sign("POST", gremlin, json, body, key(Principals.ADMIN), "us-east-1", "neptune-db",
                Clock.offset(now, Duration.ofMinutes(6))));
        assertDenied(SignedHttp.sign("POST", gremlin, json, body, key(Principals.ADMIN), "eu-west-1", "neptune-db",
                now));
        assertDenied(SignedHttp.sign("POST", gremlin, json, body, key(Principals.ADMIN), "us-east-1", "neptune",
                now));
        assertDenied(good.withBody("{\"gremlin\":\"g.addV('tampered')\"}"));
        assertDenied(good.withHeader("Content-Type", "application/x-www-form-urlencoded"));
        assertDenied(good.withoutHeader("Authorization"));
        assertDenied(good.withoutHeader("X-Amz-Date"));
        assertDenied(good.withUri(server.uri("/gremlin?extra=1")));

        URI query = server.uri("/gremlin?gremlin=" + URLEncoder.encode("g.addV('q')", StandardCharsets.UTF_8));
        SignedHttp.Signed get = SignedHttp.sign("GET", query, Map.of(), null, key(Principals.ADMIN), "us-east-1",
                "neptune-db", now);
        assertDenied(get.withUri(server.uri("/gremlin?gremlin="
                + URLEncoder.encode("g.addV('r')", StandardCharsets.UTF_8))));
        // Not sent above: the untouched request still goes through, so the refusals were for the spoiling.
        assertThat(HTTP.send(good).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnsignedRequestIsRefusedEvenOnAnUnknownPath() {
        HttpResponse<String> unknown = server.get("/no/such/path");
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(json(unknown).get("code").asText()).isEqualTo("AccessDeniedException");
        assertDenied(server.get("/status"));
        assertDenied(server.get("/propertygraph/stream"));
    }

    private static AwsBasicCredentials key(Key key) {
        return AwsBasicCredentials.create(key.accessKeyId(), key.secret());
    }

    private static HttpResponse<String> signed(Key key, SparqlForm form) {
        return HTTP.send(SignedHttp.sign("POST", server.uri("/sparql"),
                Map.of("Content-Type", "application/x-www-form-urlencoded"), form.body(), key.accessKeyId(),
                key.secret()));
    }

    private record SparqlForm(String body) {
    }

    private static SparqlForm sparqlQuery(String text) {
        return new SparqlForm("query=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    private static SparqlForm sparqlUpdate(String text) {
        return new SparqlForm("update=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    private static void assertDenied(SignedHttp.Signed request) {
        Positions before = Positions.now();
        assertDenied(HTTP.send(request));
        assertThat(Positions.now()).isEqualTo(before);
    }

    private static void assertDenied(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        JsonNode body = json(response);
        assertThat(body.get("code").asText()).isEqualTo("AccessDeniedException");
        assertThat(body.get("detailedMessage").asText()).isEqualTo(DENIED);
        assertThat(body.get("requestId").asText()).isNotBlank();
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("AccessDeniedException");
    }

    /** The SDK call is refused with Neptune's 403, and neither stream moved. */
    private static void assertUnchanged(Runnable call) {
        Positions before = Positions.now();
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AccessDeniedException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        });
        assertThat(Positions.now()).isEqualTo(before);
    }

    private record Positions(Optional<Long> pg, Optional<Long> sparql) {
        static Positions now() {
            return new Positions(server.pg().lastCommit().map(CommitInfo::commitNum),
                    server.sparql().lastCommit().map(CommitInfo::commitNum));
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
