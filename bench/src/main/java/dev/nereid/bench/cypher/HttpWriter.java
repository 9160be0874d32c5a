package dev.nereid.bench.cypher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One application writing to the server: its own {@link HttpClient} (HTTP/1.1, so one keep-alive
 * connection, reused by every request since each waits for the previous answer). Every variant is
 * sent by the same clients the same way, so the request's language is the only difference.
 */
final class HttpWriter {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final String base;

    HttpWriter(String host, int port) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        this.base = "http://" + host + ":" + port;
    }

    /**
     * Sends one write and returns once it is acknowledged. Anything but a 200 is thrown, never
     * counted: the benchmark must not be able to measure failures.
     */
    void write(Variant variant, long n) throws IOException, InterruptedException {
        String body = variant.body(variant.name(n), n % 100);
        HttpResponse<byte[]> response = client.send(post(variant.path(), body), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(variant.label() + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    /** A POST of a JSON body to {@code path}, whose 200 answer is returned as text; anything else is thrown. */
    String postJson(String path, String body) throws IOException, InterruptedException {
        return expectOk(path, client.send(post(path, body), HttpResponse.BodyHandlers.ofString()));
    }

    /** A GET of {@code pathAndQuery} with its answer as text, whatever the status: the stream ends with a 404. */
    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(TIMEOUT).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    private static String expectOk(String path, HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
