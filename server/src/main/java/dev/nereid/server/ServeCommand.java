package dev.nereid.server;

import dev.nereid.log.Durability;
import dev.nereid.server.auth.AuthConfig;
import dev.nereid.server.auth.AuthConfigException;
import dev.nereid.server.tls.TlsFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./nereid serve}: starts the server and runs until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Starts Nereid on one port: Gremlin (WebSocket and HTTP on /gremlin), openCypher "
                + "(/openCypher), SPARQL 1.1 (/sparql), the stream API "
                + "(/propertygraph/stream, /pg/stream, /gremlin/stream, /sparql/stream), /status and /system.",
                "Prints 'Nereid ready on http://HOST:PORT' once it accepts requests."})
final class ServeCommand implements Callable<Integer> {

    enum Switch { on, off }

    enum AuthMode { none, sigv4 }

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8182",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./nereid-data",
            description = "Directory of the change logs (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--streams", paramLabel = "on|off", defaultValue = "on", description = "neptune_streams: on or off. Off answers "
            + "every stream request with UnsupportedOperationException; changes are still logged (default: ${DEFAULT-VALUE}).")
    Switch streams;

    @Option(names = "--streams-expiry-days", paramLabel = "DAYS", defaultValue = "7",
            description = "neptune_streams_expiry_days, 1 to 90: how long a change stays readable (default: ${DEFAULT-VALUE}).")
    int expiryDays;

    @Option(names = "--streams-expiry-seconds", paramLabel = "SECONDS",
            description = "Expiry in seconds, overriding the days. For tests.")
    Long expirySeconds;

    @Option(names = "--durability", paramLabel = "fsync|none", defaultValue = "fsync", description = "fsync: acknowledge a change once it is "
            + "on disk; none: once the OS has it (for throw-away data) (default: ${DEFAULT-VALUE}).")
    String durability;

    @Option(names = "--snapshot-interval-seconds", paramLabel = "SECONDS", defaultValue = "600",
            description = "Snapshot the property graph and the RDF store this often when they changed, and at shutdown; start-up loads "
                    + "the newest snapshot and replays only the log after it (default: ${DEFAULT-VALUE}).")
    long snapshotIntervalSeconds;

    @Option(names = "--query-timeout-ms", paramLabel = "MILLIS", defaultValue = "120000",
            description = "neptune_query_timeout: a query running longer stops with TimeLimitExceededException "
                    + "and writes nothing (default: ${DEFAULT-VALUE}).")
    long queryTimeoutMillis;

    @Option(names = "--sparql-load-dir", paramLabel = "DIR", description = "Let SPARQL LOAD read RDF files from this "
            + "directory (file: IRIs only, nothing outside it). Unset, LOAD is refused (default: unset).")
    Path sparqlLoadDir;

    @Option(names = "--auth", paramLabel = "none|sigv4", defaultValue = "none", description = "sigv4: accept only "
            + "requests signed with AWS Signature Version 4 (service neptune-db) by a key pair of --auth-config, and hold "
            + "each to its principal's IAM policies, as a Neptune cluster with IAM auth does (default: ${DEFAULT-VALUE}).")
    AuthMode auth;

    @Option(names = "--auth-config", paramLabel = "FILE", description = "JSON: the region, and the principals with "
            + "their key pairs and IAM policy documents. Needed by --auth sigv4.")
    Path authConfig;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "PEM certificate chain: serve HTTPS and WSS "
            + "on the port instead of HTTP and WS. Needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM private key of --tls-cert, unencrypted "
            + "PKCS#8 (BEGIN PRIVATE KEY).")
    Path tlsKey;

    @Option(names = "--max-body-bytes", paramLabel = "BYTES", defaultValue = "157286400", description = "Largest "
            + "request body accepted; a larger one gets 400 BadRequestException (default: ${DEFAULT-VALUE}, Neptune's).")
    int maxBodyBytes;

    @Option(names = "--max-concurrent-requests", paramLabel = "N", defaultValue = "8192", description = "HTTP "
            + "requests processed at once, queued ones included; one more gets 429 TooManyRequestsException "
            + "(default: ${DEFAULT-VALUE}).")
    int maxConcurrentRequests;

    @Option(names = "--request-read-timeout-ms", paramLabel = "MILLIS", defaultValue = "60000", description = "How "
            + "long a request's headers may take to arrive, and its body may pause; a stalled body gets 408 "
            + "ClientTimeoutException (default: ${DEFAULT-VALUE}).")
    long requestReadTimeoutMillis;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ServerConfig config = config();
        NereidServer server = NereidServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("Error while stopping: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "nereid-shutdown"));
        System.out.println("Nereid ready on " + (server.secure() ? "https" : "http") + "://"
                + hostForUrl(server.host()) + ":" + server.port());
        System.out.flush();
        stopped.await();
        return 0;
    }

    private ServerConfig config() {
        try {
            Duration expiry = expirySeconds != null ? ServerConfig.expirySeconds(expirySeconds)
                    : ServerConfig.expiryDays(expiryDays);
            Durability d = switch (durability.toLowerCase(Locale.ROOT)) {
                case "fsync" -> Durability.FSYNC;
                case "none" -> Durability.NONE;
                default -> throw new IllegalArgumentException("--durability must be fsync or none, was " + durability);
            };
            return ServerConfig.defaults(dataDir).withHost(host).withPort(port)
                    .withStreamsEnabled(streams == Switch.on).withStreamsExpiry(expiry).withDurability(d)
                    .withSnapshotInterval(Duration.ofSeconds(snapshotIntervalSeconds))
                    .withQueryTimeout(Duration.ofMillis(queryTimeoutMillis))
                    .withSparqlLoadDirectory(sparqlLoadDir)
                    .withSecurity(security());
        } catch (IllegalArgumentException | AuthConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private ServerSecurity security() {
        ServerSecurity security = ServerSecurity.open().withMaxBodyBytes(maxBodyBytes)
                .withMaxConcurrentRequests(maxConcurrentRequests)
                .withRequestReadTimeout(Duration.ofMillis(requestReadTimeoutMillis));
        if (auth == AuthMode.sigv4) {
            if (authConfig == null) {
                throw new IllegalArgumentException("--auth sigv4 needs --auth-config FILE");
            }
            security = security.withAuth(AuthConfig.read(authConfig));
        } else if (authConfig != null) {
            throw new IllegalArgumentException("--auth-config is only read with --auth sigv4");
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together");
        }
        if (tlsCert != null) {
            TlsFiles tls = new TlsFiles(tlsCert, tlsKey);
            tls.load(); // refuses to start on a bad certificate or key, with the reason
            security = security.withTls(tls);
        }
        return security;
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
