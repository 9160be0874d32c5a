package dev.nereid.bench.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * One response as a client received it.
 *
 * @param body    the bytes on the wire, still gzipped when {@code gzipped}
 * @param gzipped the response carried {@code Content-Encoding: gzip}
 */
record HttpPage(int status, byte[] body, boolean gzipped) {

    /** The uncompressed body: what a consumer parses, so decompression counts as the client's work. */
    byte[] decoded() throws IOException {
        if (!gzipped) {
            return body;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), 64 * 1024)) {
            return in.readAllBytes();
        }
    }
}
