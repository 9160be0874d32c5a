package dev.nereid.bench.security;

import static dev.nereid.bench.MarkdownTable.rate;
import static dev.nereid.bench.MarkdownTable.ratio;

import dev.nereid.bench.Machine;
import dev.nereid.bench.MarkdownTable;
import dev.nereid.bench.ScratchDirectory;
import dev.nereid.client.aws.SigV4Signer;
import dev.nereid.log.Durability;
import dev.nereid.server.NereidServer;
import dev.nereid.server.ServerConfig;
import dev.nereid.server.auth.AuthConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.structure.T;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * What {@code --auth sigv4} costs a client end to end: the same small requests against two servers in this
 * JVM, one open (the baseline) and one checking SigV4 and an IAM policy, the second's requests signed by the
 * AWS SDK's signer as a real client's are. Rounds alternate between the two so machine noise hits both.
 * Two requests: a stream page (what consumers repeat) and a Gremlin read over HTTP GET (whose script is also
 * classified before it runs).
 *
 * <pre>
 * java -cp 'bench/target/bench-*.jar:bench/target/lib/*' dev.nereid.bench.security.AuthOverheadBench
 *      [--threads 4] [--seconds 5] [--rounds 3] [--out bench/target/results]
 * </pre>
 */
public final class AuthOverheadBench {
    private static final String KEY = "AKIABENCH0000000000";
    private static final String SECRET = "bench-secret";
    private static final String CONFIG = """
            {"region": "us-east-1", "principals": [{"name": "bench", "accessKeyId": "%s", "secretAccessKey": "%s",
              "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "neptune-db:*",
                "Resource": "arn:aws:neptune-db:us-east-1:000000000000:cluster-NEREID/*"}]}]}]}""".formatted(KEY, SECRET);
    private static final Map<String, String> REQUESTS = Map.of(
            "stream page (limit 10)", "/propertygraph/stream?iteratorType=TRIM_HORIZON&limit=10",
            "Gremlin read (GET)", "/gremlin?gremlin=" + URLEncoder.encode("g.V('v7').values('n')", StandardCharsets.UTF_8));

    public static void main(String[] args) throws Exception {
        int threads = 4;
        int seconds = 5;
        int rounds = 3;
        Path out = Path.of("bench", "target", "results");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        MarkdownTable table = new MarkdownTable("request", "open (req/s)", "SigV4 + policy (req/s)", "ratio");
        try (ScratchDirectory openDir = ScratchDirectory.create("auth-open");
             ScratchDirectory authDir = ScratchDirectory.create("auth-on")) {
            ServerConfig base = ServerConfig.defaults(openDir.path()).withPort(0).withDurability(Durability.NONE);
            NereidServer open = NereidServer.start(base);
            NereidServer checked = NereidServer.start(ServerConfig.defaults(authDir.path()).withPort(0)
                    .withDurability(Durability.NONE)
                    .withSecurity(base.security().withAuth(AuthConfig.parse(CONFIG, "bench"))));
            try {
                fill(open);
                fill(checked);
                SigV4Signer signer = SigV4Signer.neptune(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(KEY, SECRET)), "us-east-1");
                for (Map.Entry<String, String> request : REQUESTS.entrySet()) {
                    double openRate = 0;
                    double checkedRate = 0;
                    for (int round = 0; round < rounds; round++) {
                        openRate += measure(open, request.getValue(), null, threads, seconds);
                        checkedRate += measure(checked, request.getValue(), signer, threads, seconds);
                    }
                    openRate /= rounds;
                    checkedRate /= rounds;
                    table.row(request.getKey(), rate(openRate), rate(checkedRate), ratio(checkedRate / openRate));
                    System.out.printf("%s: open %.0f/s, SigV4 %.0f/s%n", request.getKey(), openRate, checkedRate);
                }
            } finally {
                open.close();
                checked.close();
            }
        }
        String summary = "# --auth sigv4 overhead\n\nMachine: " + Machine.current() + "; " + threads + " client threads, "
                + rounds + " rounds of " + seconds + " s each, alternating.\n\n" + table + "\n";
        Files.createDirectories(out);
        Files.writeString(out.resolve("auth.md"), summary);
        System.out.println(summary);
    }

    private static void fill(NereidServer server) {
        GraphTraversalSource g = server.graph().traversal();
        for (int i = 0; i < 100; i++) {
            g.addV("person").property(T.id, "v" + i).property("n", i).iterate();
            server.graph().tx().commit();
        }
    }

    /** Requests per second from {@code threads} clients for {@code seconds}; every answer must be a 200. */
    private static double measure(NereidServer server, String pathAndQuery, SigV4Signer signer, int threads,
                               int seconds) throws InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong done = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread client = new Thread(() -> {
                while (!stop.get()) {
                    HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
                    if (signer != null) {
                        signer.sign(uri, Map.of()).forEach((name, values) -> values.forEach(v -> b.header(name, v)));
                    }
                    try {
                        HttpResponse<byte[]> response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": "
                                    + new String(response.body(), StandardCharsets.UTF_8));
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        return;
                    }
                    done.incrementAndGet();
                }
            });
            clients.add(client);
            client.start();
        }
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread client : clients) {
            client.join();
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }
}
