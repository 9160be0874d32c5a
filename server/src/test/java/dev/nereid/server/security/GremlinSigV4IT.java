package dev.nereid.server.security;

import static org.apache.tinkerpop.gremlin.process.traversal.AnonymousTraversalSource.traversal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nereid.server.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.tinkerpop.gremlin.driver.Client;
import org.apache.tinkerpop.gremlin.driver.Cluster;
import org.apache.tinkerpop.gremlin.driver.Result;
import org.apache.tinkerpop.gremlin.driver.exception.ResponseException;
import org.apache.tinkerpop.gremlin.driver.remote.DriverRemoteConnection;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * TinkerPop's Gremlin driver with a SigV4-signed handshake: the handshake decides who the connection is,
 * and each request on it is held to that principal's policies before it runs.
 */
class GremlinSigV4IT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static TestServer server;
    final List<Cluster> clusters = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, c -> c.withSecurity(c.security().withAuth(Principals.config())));
        server.clock.set(System.currentTimeMillis());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void closeClusters() {
        clusters.forEach(Cluster::close);
    }

    private Cluster cluster(Principals.Key key, Clock clock) {
        Cluster cluster = Cluster.build("127.0.0.1").port(server.server.port())
                .serializer(new GraphBinaryMessageSerializerV1())
                .handshakeInterceptor(new HandshakeSigner(key, "http", clock)).create();
        clusters.add(cluster);
        return cluster;
    }

    @Test
    void anAllowedPrincipalWritesAndReadsWithScriptsAndBytecode() throws Exception {
        Cluster cluster = cluster(Principals.ADMIN, Clock.systemUTC());
        GraphTraversalSource g = traversal().withRemote(DriverRemoteConnection.using(cluster));
        g.addV("person").property(T.id, "ws-admin").iterate();
        Client client = cluster.connect();
        assertThat(client.submit("g.V('ws-admin').label()").all().get()).extracting(Result::getString)
                .containsExactly("person");
        client.submit("g.V('ws-admin').drop()").all().get();
        assertThat(g.V("ws-admin").count().next()).isZero();
    }

    @Test
    void eachRequestIsHeldToThePolicyOfTheHandshake() throws Exception {
        cluster(Principals.ADMIN, Clock.systemUTC()).connect().submit("g.addV('person').property(id,'ws-kept')")
                .all().get();
        long before = server.lastPgCommit();

        Cluster reader = cluster(Principals.READER, Clock.systemUTC());
        GraphTraversalSource g = traversal().withRemote(DriverRemoteConnection.using(reader));
        assertThat(g.V("ws-kept").count().next()).isEqualTo(1);
        assertDenied(catchThrowable(() -> g.addV("person").iterate()));
        assertDenied(catchThrowable(() -> reader.connect().submit("g.addV('person')").all().get()));

        Cluster noDelete = cluster(Principals.NO_DELETE, Clock.systemUTC());
        GraphTraversalSource nd = traversal().withRemote(DriverRemoteConnection.using(noDelete));
        assertDenied(catchThrowable(() -> nd.V("ws-kept").drop().iterate()));
        assertDenied(catchThrowable(() -> noDelete.connect().submit("g.V('ws-kept').properties().drop()").all()
                .get()));
        assertDenied(catchThrowable(() -> nd.V("ws-kept").sideEffect(
                org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__.drop()).iterate()));
        assertThat(server.lastPgCommit()).isEqualTo(before);
        assertThat(g.V("ws-kept").count().next()).isEqualTo(1);
    }

    @Test
    void aBadOrMissingHandshakeSignatureIsRefusedWith403() {
        long before = server.lastPgCommit();
        HttpClient http = HttpClient.newHttpClient();
        URI gremlin = URI.create("ws://127.0.0.1:" + server.server.port() + "/gremlin");
        assertThat(handshakeStatus(http.newWebSocketBuilder(), gremlin)).isEqualTo(403);

        for (SignedHttp.Signed spoiled : List.of(
                sign(new Principals.Key(Principals.ADMIN.accessKeyId(), "wrong"), Clock.systemUTC()),
                sign(new Principals.Key("AKIANOBODY000000000", "admin-secret"), Clock.systemUTC()),
                sign(Principals.ADMIN, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-6))))) {
            WebSocket.Builder builder = http.newWebSocketBuilder();
            spoiled.headers().forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
            assertThat(handshakeStatus(builder, gremlin)).isEqualTo(403);
        }
        // The driver with a wrong secret never gets to send its request.
        Cluster wrong = cluster(new Principals.Key(Principals.ADMIN.accessKeyId(), "wrong"), Clock.systemUTC());
        assertThat(catchThrowable(() -> wrong.connect().submit("g.addV('x')").all().get(10, TimeUnit.SECONDS)))
                .isNotNull();
        assertThat(server.lastPgCommit()).isEqualTo(before);
    }

    private static SignedHttp.Signed sign(Principals.Key key, Clock clock) {
        URI uri = URI.create("http://127.0.0.1:" + server.server.port() + "/gremlin");
        return SignedHttp.sign("GET", uri, Map.of(), null, AwsBasicCredentials.create(key.accessKeyId(), key.secret()),
                Principals.REGION, "neptune-db", clock);
    }

    private static int handshakeStatus(WebSocket.Builder builder, URI uri) {
        try {
            builder.buildAsync(uri, new WebSocket.Listener() { }).join().abort();
            return 101;
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }

    /** Neptune's refusal, as Gremlin's status carries it, with nothing about what failed. */
    private static void assertDenied(Throwable failure) {
        Throwable t = failure;
        while (t != null && !(t instanceof ResponseException)) {
            t = t.getCause();
        }
        assertThat(t).as("a response exception in %s", failure).isInstanceOf(ResponseException.class);
        JsonNode body;
        try {
            body = JSON.readTree(t.getMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(body.get("code").asText()).isEqualTo("AccessDeniedException");
        assertThat(body.get("detailedMessage").asText()).isEqualTo("Authentication or authorization failure.");
    }
}
