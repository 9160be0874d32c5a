package dev.nereid.server.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nereid.log.MemoryChangeLog;
import dev.nereid.server.http.HttpExchange;
import dev.nereid.server.http.StreamedResponse;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import dev.nereid.stream.Op;
import dev.nereid.stream.RecordCodec;
import dev.nereid.stream.StreamFormat;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

class StreamRouteTest {
    private final MemoryChangeLog log = new MemoryChangeLog();

    @Test
    void readsBeyondTheConcurrencyCapGet429AndReleaseNothing() throws IOException {
        log.append(List.of(RecordCodec.encode(Op.ADD, "{\"stmt\":\"<a> <b> <c> .\\n\"}")));
        Semaphore reads = new Semaphore(1);
        StreamRoute route = new StreamRoute(log, StreamFormat.NQUADS, true, Duration.ofDays(7), Clock.systemUTC(), reads);
        reads.acquireUninterruptibly();
        assertThatThrownBy(() -> route.handle(get("/sparql/stream?iteratorType=LATEST")))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.TOO_MANY_REQUESTS);
                    assertThat(e.errorCode().httpStatus()).isEqualTo(429);
                    assertThat(e.errorCode().retryable()).isTrue();
                });
        reads.release();
        StreamedResponse ok = (StreamedResponse) route.handle(get("/sparql/stream?iteratorType=LATEST"));
        assertThat(ok.status().code()).isEqualTo(200);
        // The permit is held until the body has been written: rendering still reads the log.
        assertThat(reads.availablePermits()).isZero();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (StreamedResponse.Body b = ok.body()) {
            b.writeTo(body::write);
        }
        assertThat(body.toString(StandardCharsets.UTF_8)).contains("\"totalRecords\":1");
        assertThat((long) body.size()).isEqualTo(Long.parseLong(ok.headers().get("Content-Length")));
        assertThat(reads.availablePermits()).isEqualTo(1);
    }

    @Test
    void gzipPagesAreBuiltWholeAndReleaseThePermitAtOnce() throws IOException {
        log.append(List.of(RecordCodec.encode(Op.ADD, "{\"stmt\":\"<a> <b> <c> .\\n\"}")));
        Semaphore reads = new Semaphore(1);
        StreamRoute route = new StreamRoute(log, StreamFormat.NQUADS, true, Duration.ofDays(7), Clock.systemUTC(), reads);
        QueryStringDecoder decoded = new QueryStringDecoder("/sparql/stream?iteratorType=LATEST");
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, decoded.uri());
        request.headers().set("Accept-Encoding", "gzip");
        FullHttpResponse gz = (FullHttpResponse) route.handle(
                new HttpExchange(request, decoded.rawPath(), decoded.parameters(), "test-request"));
        assertThat(gz.headers().get("Content-Encoding")).isEqualTo("gzip");
        assertThat(reads.availablePermits()).isEqualTo(1);
    }

    @Test
    void aFailedReadReturnsItsPermit() {
        Semaphore reads = new Semaphore(1);
        StreamRoute route = new StreamRoute(log, StreamFormat.PG_JSON, true, Duration.ofDays(7), Clock.systemUTC(), reads);
        assertThatThrownBy(() -> route.handle(get("/pg/stream?iteratorType=TRIM_HORIZON")))
                .isInstanceOfSatisfying(NereidException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.STREAM_RECORDS_NOT_FOUND));
        assertThat(reads.availablePermits()).isEqualTo(1);
    }

    private static HttpExchange get(String uri) {
        QueryStringDecoder decoded = new QueryStringDecoder(uri);
        return new HttpExchange(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri),
                decoded.rawPath(), decoded.parameters(), "test-request");
    }
}
