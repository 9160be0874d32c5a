package dev.nereid.bench.sparql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One application talking SPARQL 1.1 Protocol to one server: its own {@link HttpClient} (HTTP/1.1, so one
 * keep-alive connection, reused by every request since each waits for the previous answer). The same code
 * sends to all three servers; only the path differs, and what a success looks like.
 */
final class SparqlClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern COMMIT = Pattern.compile("\\{\\s*\"commitNum\"\\s*:\\s*(\\d+)\\s*}\\s*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final SparqlServer server;
    private final String base;

    SparqlClient(SparqlServer server, String host, int port) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .build();
        this.server = server;
        this.base = "http://" + host + ":" + port;
    }

    /** An update the server did not acknowledge as written: a status or an answer a success does not have. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * Sends one update as {@code application/sparql-update} and returns once it is acknowledged: Nereid's
     * commitNum for it, or 0 from Fuseki, which acknowledges with 204 and gives none. Anything else is thrown.
     */
    long update(String text, Duration timeout) throws IOException, InterruptedException {
        return update(text.getBytes(StandardCharsets.UTF_8), timeout);
    }

    /** As {@link #update(String, Duration)}, with the text already encoded: a large body is encoded once, untimed. */
    long update(byte[] utf8, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + server.updatePath()))
                .timeout(timeout)
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofByteArray(utf8))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return acknowledgement(server, response.statusCode(), response.body());
    }

    /**
     * What a server's answer to an update says was committed. Nereid must answer 200 and
     * {@code {"commitNum":N}}: its {@code {}} means the update changed nothing, which none of these should.
     */
    static long acknowledgement(SparqlServer server, int status, String body) throws Refused {
        if (server.isNereid()) {
            Matcher commit = COMMIT.matcher(body);
            if (status == 200 && commit.matches()) {
                return Long.parseLong(commit.group(1));
            }
        } else if (status == 204) {
            return 0;
        }
        throw new Refused(server.mark() + " answered " + status + ": " + abbreviated(body));
    }

    /** The number a {@code SELECT (COUNT(*) AS ?n)} query answers, read from SPARQL JSON results. */
    long count(String query) throws IOException, InterruptedException {
        HttpResponse<String> response = get(server.queryPath() + "?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8), "application/sparql-results+json");
        if (response.statusCode() != 200) {
            throw new IOException(server.mark() + " answered " + response.statusCode() + " to a query: "
                    + abbreviated(response.body()));
        }
        JsonNode n = JSON.readTree(response.body()).path("results").path("bindings").path(0).path("n").path("value");
        if (n.isMissingNode()) {
            throw new IOException(server.mark() + " answered a count without one: " + abbreviated(response.body()));
        }
        return Long.parseLong(n.asText());
    }

    /** A GET of {@code pathAndQuery} with its answer as text, whatever the status. */
    HttpResponse<String> get(String pathAndQuery, String accept) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofMinutes(2))
                .header("Accept", accept).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviated(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }
}
