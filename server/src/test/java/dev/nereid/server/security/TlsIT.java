package dev.nereid.server.security;

import static org.apache.tinkerpop.gremlin.process.traversal.AnonymousTraversalSource.traversal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.nereid.server.TestServer;
import dev.nereid.server.tls.TlsFiles;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.tinkerpop.gremlin.driver.Cluster;
import org.apache.tinkerpop.gremlin.driver.remote.DriverRemoteConnection;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;

/**
 * HTTPS and WSS on the one port, with a test certificate, through the real clients: the AWS SDK (signing, as a
 * Neptune cluster with IAM auth needs), TinkerPop's driver and Jena's RDFConnection.
 */
class TlsIT {
    @TempDir
    static Path dir;
    static TestServer server;
    static Path certificate;

    @BeforeAll
    static void start() throws Exception {
        certificate = resource("tls/localhost.crt");
        TlsFiles tls = new TlsFiles(certificate, resource("tls/localhost.key"));
        server = TestServer.start(dir, c -> c.withSecurity(c.security().withTls(tls).withAuth(Principals.config())));
        server.clock.set(System.currentTimeMillis());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(TlsIT.class.getClassLoader().getResource(name).toURI());
    }

    static URI https(String path) {
        return URI.create("https://localhost:" + server.server.port() + path);
    }

    static TrustManager[] trustTheTestCertificate() throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            store.setCertificateEntry("nereid-test", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    static HttpClient httpsClient() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustTheTestCertificate(), null);
        return HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void theSdkSignsOverHttpsAndTheSecureTransportConditionHolds() throws Exception {
        TrustManager[] trust = trustTheTestCertificate();
        for (Principals.Key key : new Principals.Key[] {Principals.ADMIN, Principals.TLS_ONLY}) {
            try (NeptunedataClient sdk = NeptunedataClient.builder().endpointOverride(https("")).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(key.accessKeyId(), key.secret())))
                    .httpClientBuilder(ApacheHttpClient.builder().tlsTrustManagersProvider(() -> trust)).build()) {
                sdk.executeGremlinQuery(r -> r.gremlinQuery("g.addV('tls').property(id,'" + key.accessKeyId() + "')"));
                assertThat(sdk.getPropertygraphStream(r -> r.iteratorType(IteratorType.LATEST)).records()).hasSize(1);
                assertThat(sdk.getEngineStatus(r -> { }).features().get("IAMAuthentication").asString()).isEqualTo("enabled");
            }
        }
    }

    @Test
    void theGremlinDriverTalksWssWithASignedHandshake() throws Exception {
        Cluster cluster = Cluster.build("localhost").port(server.server.port()).enableSsl(true)
                .sslContext(SslContextBuilder.forClient().trustManager(certificate.toFile()).build())
                .serializer(new GraphBinaryMessageSerializerV1())
                .handshakeInterceptor(new HandshakeSigner(Principals.ADMIN, "https", java.time.Clock.systemUTC()))
                .create();
        try {
            GraphTraversalSource g = traversal().withRemote(DriverRemoteConnection.using(cluster));
            g.addV("person").property(T.id, "wss-1").iterate();
            assertThat(g.V("wss-1").label().next()).isEqualTo("person");
        } finally {
            cluster.close();
        }
    }

    @Test
    void jenaQueriesAndUpdatesOverHttps() throws Exception {
        HttpClient signing = httpsClient();
        // Jena cannot sign, so this one asks a plain TLS server: the same port setup without auth.
        Path plainDir = Files.createTempDirectory(dir, "plain");
        TlsFiles tls = new TlsFiles(certificate, resource("tls/localhost.key"));
        try (TestServer plain = TestServer.start(plainDir, c -> c.withSecurity(c.security().withTls(tls)))) {
            String endpoint = "https://localhost:" + plain.server.port() + "/sparql";
            try (RDFConnection conn = RDFConnectionRemote.service(endpoint).httpClient(signing).build()) {
                conn.update("INSERT DATA { <urn:tls:s> <urn:tls:p> \"over TLS\" }");
                try (QueryExecution q = conn.query("SELECT ?o WHERE { <urn:tls:s> <urn:tls:p> ?o }")) {
                    assertThat(q.execSelect().next().getLiteral("o").getString()).isEqualTo("over TLS");
                }
            }
            HttpResponse<String> status = signing.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + plain.server.port() + "/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).contains("\"IAMAuthentication\":\"disabled\"");
            // Plain HTTP on the TLS port gets no answer a client could take for one.
            HttpClient cleartext = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Throwable failure = catchThrowable(() -> cleartext.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + plain.server.port() + "/status"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()));
            assertThat(failure).isInstanceOf(java.io.IOException.class);
        }
    }
}
