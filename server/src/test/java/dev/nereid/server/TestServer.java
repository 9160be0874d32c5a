package dev.nereid.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nereid.log.ChangeLog;
import dev.nereid.log.CommitInfo;
import dev.nereid.log.Durability;
import dev.nereid.log.MutableClock;
import dev.nereid.server.http.Route;
import dev.nereid.stream.Op;
import dev.nereid.stream.RecordCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A real Nereid server on a random loopback port, with a real HTTP client. Tests write to the
 * stream by appending to the server's change log in-process, as the engines do.
 */
public final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    /** 2026-01-01T00:00:00Z, the first commit time of spec §5.5. */
    public static final long T0 = 1767225600000L;

    public final MutableClock clock;
    public final NereidServer server;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(MutableClock clock, NereidServer server) {
        this.clock = clock;
        this.server = server;
    }

    public static TestServer start(Path dataDir) {
        return start(dataDir, c -> c);
    }

    public static TestServer start(Path dataDir, UnaryOperator<ServerConfig> tweak) {
        return start(dataDir, tweak, Map.of());
    }

    /** With extra routes beside Nereid's own, e.g. one that holds a request in flight. */
    static TestServer start(Path dataDir, UnaryOperator<ServerConfig> tweak, Map<String, Route> extraRoutes) {
        MutableClock clock = new MutableClock(T0);
        ServerConfig config = tweak.apply(ServerConfig.defaults(dataDir).withPort(0)
                .withDurability(Durability.NONE).withClock(clock));
        try {
            return new TestServer(clock, NereidServer.start(config, extraRoutes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
    }

    HttpResponse<byte[]> getBytes(String pathAndQuery, String acceptEncoding) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
        if (acceptEncoding != null) {
            b.header("Accept-Encoding", acceptEncoding);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> send(String method, String pathAndQuery, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The AWS SDK's Neptune data-plane client pointed at this server, with fixed example credentials
     * (these servers run without {@code --auth}, so the signature is not checked).
     */
    software.amazon.awssdk.services.neptunedata.NeptunedataClient sdkClient() {
        return software.amazon.awssdk.services.neptunedata.NeptunedataClient.builder()
                .endpointOverride(uri(""))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClientBuilder(software.amazon.awssdk.http.apache.ApacheHttpClient.builder())
                .build();
    }

    public ChangeLog pg() {
        return server.propertyGraphLog();
    }

    public ChangeLog sparql() {
        return server.sparqlLog();
    }

    /** Appends one commit of records given as (op, data JSON) pairs. */
    public static CommitInfo append(ChangeLog log, Object... opAndData) {
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < opAndData.length; i += 2) {
            records.add(RecordCodec.encode((Op) opAndData[i], (String) opAndData[i + 1]));
        }
        try {
            return log.append(records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PG data JSON of a vertex-label record. */
    public static String vl(String id, String label) {
        return "{\"id\":\"" + id + "\",\"type\":\"vl\",\"key\":\"label\",\"value\":{\"value\":\"" + label
                + "\",\"dataType\":\"String\"}}";
    }

    /** The PG data JSON of a string vertex-property record. */
    public static String vp(String id, String key, String value) {
        return "{\"id\":\"" + id + "\",\"type\":\"vp\",\"key\":\"" + key + "\",\"value\":{\"value\":\"" + value
                + "\",\"dataType\":\"String\"}}";
    }

    /** The last commitNum of the property-graph log, 0 when it is empty. */
    public long lastPgCommit() {
        return pg().lastCommit().map(CommitInfo::commitNum).orElse(0L);
    }

    /**
     * The records of one property-graph commit, read from {@code /propertygraph/stream}, in spec §5.5's
     * line format: {@code opNum OP type id key value [dataType] [from→to]}, strings quoted except labels,
     * no dataType for strings, {@code *} on the last op.
     */
    List<String> pgCommit(long commitNum) {
        HttpResponse<String> r = get("/propertygraph/stream?commitNum=" + commitNum + "&limit=100000");
        if (r.statusCode() != 200) {
            throw new AssertionError("reading commit " + commitNum + ": " + r.statusCode() + " " + r.body());
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode record : json(r).get("records")) {
            if (record.get("eventId").get("commitNum").asLong() != commitNum) {
                break;
            }
            JsonNode data = record.get("data");
            JsonNode value = data.get("value");
            String type = data.get("type").asText();
            boolean label = type.equals("vl") || type.equals("e");
            String dataType = value.get("dataType").asText();
            StringBuilder line = new StringBuilder()
                    .append(record.get("eventId").get("opNum").asLong()).append(' ')
                    .append(record.get("op").asText()).append(' ').append(type).append(' ')
                    .append(data.get("id").asText()).append(' ').append(data.get("key").asText()).append(' ')
                    .append(label ? value.get("value").asText() : value.get("value").toString());
            if (!dataType.equals("String")) {
                line.append(' ').append(dataType);
            }
            if (data.has("from")) {
                line.append(' ').append(data.get("from").asText()).append('→').append(data.get("to").asText());
            }
            if (record.has("isLastOp")) {
                line.append(" *");
            }
            lines.add(line.toString());
        }
        return lines;
    }

    public static String stmt(String nquad) {
        return "{\"stmt\":\"" + nquad.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
