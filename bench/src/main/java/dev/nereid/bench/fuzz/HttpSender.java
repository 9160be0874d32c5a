package dev.nereid.bench.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends a well-formed request with {@code java.net.http}, as real clients do, over a kept-alive connection;
 * a request that client refuses to send (it checks methods, header names and values, and URIs) goes over a
 * raw socket instead, byte for byte as built.
 */
public final class HttpSender {
    private final String host;
    private final int port;
    private final HttpClient client;
    private final RawHttp raw;
    private final Duration timeout;

    public HttpSender(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.raw = new RawHttp(host, port, (int) timeout.toMillis());
    }

    public RawHttp raw() {
        return raw;
    }

    public Reply send(HttpCall call) throws InterruptedException {
        HttpRequest request;
        try {
            request = jdkRequest(call);
        } catch (IllegalArgumentException refused) {
            return raw.exchange(raw.serialize(call), call.isHead());
        }
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return Reply.of(new HttpAnswer(response.statusCode(), headers(response.headers().map()), response.body(),
                    "jdk"));
        } catch (HttpTimeoutException e) {
            return new Reply(List.of(), Reply.Ending.TIMEOUT, e.toString());
        } catch (IOException e) {
            return new Reply(List.of(), Reply.Ending.RESET, e.toString());
        }
    }

    private HttpRequest jdkRequest(HttpCall call) {
        HttpRequest.BodyPublisher body = call.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(call.body());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + call.target()))
                .timeout(timeout).method(call.method(), body);
        for (Header h : call.headers()) {
            b.header(h.name(), h.value());
        }
        return b.build();
    }

    private static List<Header> headers(Map<String, List<String>> map) {
        List<Header> headers = new ArrayList<>();
        map.forEach((name, values) -> values.forEach(v -> headers.add(new Header(name, v))));
        return headers;
    }
}
