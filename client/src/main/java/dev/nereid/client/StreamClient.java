package dev.nereid.client;

import dev.nereid.stream.StreamRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Reads pages of one stream of a Neptune-compatible endpoint over HTTP/1.1 with
 * {@link java.net.http.HttpClient}: the request of spec §1, the page of §2, the errors of §4 as
 * {@link StreamServiceException}. Thread-safe; connections are kept alive and reused.
 */
public final class StreamClient implements StreamSource {
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final URI endpoint;
    private final StreamPath path;
    private final boolean gzip;
    private final Duration requestTimeout;
    private final RequestSigner signer;
    private final HttpClient http;

    private StreamClient(Builder b) {
        this.endpoint = b.endpoint;
        this.path = b.path;
        this.gzip = b.gzip;
        this.requestTimeout = b.requestTimeout;
        this.signer = b.signer;
        this.http = b.http != null ? b.http : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(b.connectTimeout).build();
    }

    /**
     * @param endpoint the server, e.g. {@code http://localhost:8182} or
     *                 {@code https://my-cluster.cluster-xyz.us-east-1.neptune.amazonaws.com:8182}
     */
    public static Builder builder(URI endpoint, StreamPath path) {
        return new Builder(endpoint, path);
    }

    public static StreamClient of(URI endpoint, StreamPath path) {
        return builder(endpoint, path).build();
    }

    public URI endpoint() {
        return endpoint;
    }

    public StreamPath path() {
        return path;
    }

    /** The full URI of a request, as sent. */
    public URI uri(StreamRequest request) {
        String base = endpoint.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + path.path() + "?" + query(request));
    }

    /** The query of spec §1: only the parameters the iterator uses, and {@code limit} unless LATEST ignores it. */
    static String query(StreamRequest request) {
        StringBuilder q = new StringBuilder("iteratorType=").append(request.iteratorType().name());
        if (request.iteratorType().usesPosition()) {
            q.append("&commitNum=").append(request.commitNum()).append("&opNum=").append(request.opNum());
        }
        if (request.iteratorType() != dev.nereid.stream.IteratorType.LATEST) {
            q.append("&limit=").append(request.limit());
        }
        return q.toString();
    }

    @Override
    public StreamPage read(StreamRequest request) throws IOException {
        URI uri = uri(request);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (gzip) {
            headers.put("Accept-Encoding", List.of("gzip"));
        }
        if (signer != null) {
            headers.putAll(signer.sign(uri, Map.copyOf(headers)));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(requestTimeout);
        headers.forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        HttpResponse<byte[]> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException io = new InterruptedIOException("interrupted while reading " + uri);
            io.initCause(e);
            throw io;
        }
        byte[] body = decoded(response);
        if (response.statusCode() != 200) {
            throw ErrorBodies.read(response.statusCode(), body,
                    response.headers().firstValue("x-amzn-ErrorType").orElse(null),
                    response.headers().firstValue("x-amzn-RequestId").orElse(null));
        }
        return PageParser.parse(body);
    }

    private static byte[] decoded(HttpResponse<byte[]> response) throws IOException {
        boolean gzipped = response.headers().firstValue("Content-Encoding").map("gzip"::equalsIgnoreCase).orElse(false);
        if (!gzipped) {
            return response.body();
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()), 64 * 1024)) {
            return in.readAllBytes();
        }
    }

    public static final class Builder {
        private final URI endpoint;
        private final StreamPath path;
        private boolean gzip;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private RequestSigner signer;
        private HttpClient http;

        private Builder(URI endpoint, StreamPath path) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            this.path = Objects.requireNonNull(path, "path");
            if (endpoint.getScheme() == null || endpoint.getHost() == null) {
                throw new IllegalArgumentException("endpoint must be an absolute http(s) URL: " + endpoint);
            }
        }

        /**
         * Ask for gzip ({@code Accept-Encoding: gzip}). Pages compress about tenfold: worth it over a
         * network, a cost on loopback, where the server's compression is the limit. Off by default.
         */
        public Builder gzip(boolean on) {
            this.gzip = on;
            return this;
        }

        /** How long one page may take, from sending the request to the last byte. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Ignored when {@link #httpClient} is given. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder signer(RequestSigner signer) {
            this.signer = signer;
            return this;
        }

        /** A client of your own (proxy, TLS settings); use HTTP/1.1, as Neptune speaks it. */
        public Builder httpClient(HttpClient client) {
            this.http = client;
            return this;
        }

        public StreamClient build() {
            return new StreamClient(this);
        }
    }
}
