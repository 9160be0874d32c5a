package dev.nereid.server;

import static dev.nereid.server.StreamReadIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nereid.stream.Op;
import dev.nereid.stream.RecordCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec §3.4's 10 MB cap and §3.5's gzip, over real HTTP. */
class StreamCapAndGzipIT {
    static final int CAP = 10_485_760;
    static final int COMMITS = 12;
    static final int RECORDS_PER_COMMIT = 1000;

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start(dir);
        // 12,000 records of ~1 KB each: about 12 MB of page, so a limit-100000 read hits the cap.
        String padding = "x".repeat(900);
        for (int c = 0; c < COMMITS; c++) {
            List<byte[]> records = new ArrayList<>();
            for (int i = 0; i < RECORDS_PER_COMMIT; i++) {
                records.add(RecordCodec.encode(Op.ADD, TestServer.vp("v" + c + "_" + i, "pad", padding)));
            }
            server.pg().append(records);
        }
        // One record larger than the cap, alone in the RDF stream.
        String huge = "y".repeat(CAP + 1000);
        server.sparql().append(List.of(RecordCodec.encode(Op.ADD,
                TestServer.stmt("<http://example.org/s> <http://example.org/p> \"" + huge + "\" .\n"))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPageEndsWithTheRecordThatCrossesTheCap() {
        HttpResponse<byte[]> r = server.getBytes("/pg/stream?iteratorType=TRIM_HORIZON&limit=100000", null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode page = parse(r.body());
        int n = page.get("totalRecords").asInt();
        assertThat(n).isLessThan(COMMITS * RECORDS_PER_COMMIT).isGreaterThan(9000);
        assertThat(r.body().length).isGreaterThan(CAP);
        assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(r.body().length);

        // The same read one record shorter is within the cap: the crossing record was the last one added.
        HttpResponse<byte[]> shorter = server.getBytes("/pg/stream?iteratorType=TRIM_HORIZON&limit=" + (n - 1), null);
        assertThat(shorter.body().length).isLessThanOrEqualTo(CAP);
        assertThat(parse(shorter.body()).get("totalRecords").asInt()).isEqualTo(n - 1);

        // Continuing after lastEventId picks up exactly where the capped page stopped.
        JsonNode last = page.get("lastEventId");
        JsonNode next = parse(server.getBytes("/pg/stream?iteratorType=AFTER_SEQUENCE_NUMBER&commitNum="
                + last.get("commitNum") + "&opNum=" + last.get("opNum") + "&limit=100000", null).body());
        assertThat(next.get("totalRecords").asInt()).isEqualTo(COMMITS * RECORDS_PER_COMMIT - n);
    }

    @Test
    void aSingleRecordLargerThanTheCapIsStillServed() {
        HttpResponse<byte[]> r = server.getBytes("/sparql/stream?iteratorType=TRIM_HORIZON&limit=10", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body().length).isGreaterThan(CAP);
        JsonNode page = parse(r.body());
        assertThat(page.get("totalRecords").asInt()).isEqualTo(1);
        assertThat(page.get("records").get(0).get("isLastOp").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "GZIP", "deflate, gzip", "gzip;q=0.5", "br;q=1.0, gzip ; q=1"})
    void gzipWhenAskedAndTheSameBytesInside(String acceptEncoding) throws IOException {
        String q = "/pg/stream?iteratorType=TRIM_HORIZON&limit=2000";
        HttpResponse<byte[]> plain = server.getBytes(q, null);
        HttpResponse<byte[]> gz = server.getBytes(q, acceptEncoding);
        assertThat(gz.statusCode()).isEqualTo(200);
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gz.headers().firstValueAsLong("Content-Length")).hasValue(gz.body().length);
        assertThat(gz.body().length).isLessThan(plain.body().length / 5);
        assertThat(gunzip(gz.body())).isEqualTo(plain.body());
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip;q=0", "identity", "deflate", "gzipx", "gzip;q=0.0"})
    void noGzipUnlessGzipIsAcceptable(String acceptEncoding) {
        HttpResponse<byte[]> r = server.getBytes("/pg/stream?iteratorType=LATEST", acceptEncoding);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(parse(r.body()).get("totalRecords").asInt()).isEqualTo(1);
    }

    @Test
    void errorsAreNeverCompressed() {
        HttpResponse<byte[]> r = server.getBytes("/pg/stream?commitNum=999999", "gzip");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("\"code\":\"StreamRecordsNotFoundException\"");
        assertError(server.get("/pg/stream?limit=0"), 400, "InvalidParameterException",
                "Invalid value '0' for parameter 'limit': expected an integer from 1 to 100000");
    }

    static JsonNode parse(byte[] body) {
        try {
            return TestServer.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }
}
