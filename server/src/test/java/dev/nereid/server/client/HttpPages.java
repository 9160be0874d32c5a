package dev.nereid.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a stream's pages hold, read with plain HTTP and cut into records by a scanner of its own (not the
 * client's parser): the bytes the CLI must print.
 */
final class HttpPages {
    private static final Pattern LAST_EVENT = Pattern.compile("^\\{\"lastEventId\":\\{\"commitNum\":(\\d+),\"opNum\":(\\d+)}");
    private static final byte[] RECORDS = "\"records\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpPages() {
    }

    /** Each record of the stream from {@code firstQuery} on, paging AFTER each lastEventId, each followed by a newline. */
    static byte[] lines(String endpoint, String path, String firstQuery, int limit) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String query = firstQuery + "&limit=" + limit;
        while (true) {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + path + "?" + query)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 404) {
                return out.toByteArray();
            }
            assertThat(r.statusCode()).isEqualTo(200);
            for (byte[] record : records(r.body())) {
                out.write(record);
                out.write('\n');
            }
            Matcher m = LAST_EVENT.matcher(new String(r.body(), 0, 80, java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(m.find()).isTrue();
            query = "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=" + m.group(1) + "&opNum=" + m.group(2) + "&limit=" + limit;
        }
    }

    /** The top-level objects of the body's records array, as bytes. */
    static List<byte[]> records(byte[] body) {
        int at = indexOf(body, RECORDS) + RECORDS.length;
        List<byte[]> records = new ArrayList<>();
        int depth = 0;
        int start = -1;
        boolean inString = false;
        for (int i = at; i < body.length; i++) {
            byte b = body[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{') {
                if (depth++ == 0) {
                    start = i;
                }
            } else if (b == '}') {
                if (--depth == 0) {
                    records.add(Arrays.copyOfRange(body, start, i + 1));
                }
            } else if (b == ']' && depth == 0) {
                return records;
            }
        }
        throw new AssertionError("records array not closed");
    }

    private static int indexOf(byte[] body, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= body.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (body[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("no records array");
    }
}
