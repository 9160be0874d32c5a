package dev.nereid.bench.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** {@link java.net.http.HttpClient} over HTTP/1.1, the client a Java consumer most likely uses. */
final class JdkPageClient implements PageClient {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    JdkPageClient(String host, int port) {
        this.base = "http://" + host + ":" + port;
    }

    @Override
    public String name() {
        return "java.net.http";
    }

    @Override
    public HttpPage get(String target, boolean gzip) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + target)).GET();
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        boolean gzipped = response.headers().firstValue("content-encoding").map("gzip"::equalsIgnoreCase).orElse(false);
        return new HttpPage(response.statusCode(), response.body(), gzipped);
    }

    @Override
    public void close() {
        // HttpClient in Java 17 has no close; its pooled connection goes when the client is collected.
    }
}
