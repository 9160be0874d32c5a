package dev.nereid.client;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A JSON value exactly as it arrived: a slice of the page body, bytes untouched. Equal when the bytes
 * are equal. Pages share one body array among their records, so nothing is copied until asked.
 */
public final class RawJson {
    private final byte[] body;
    private final int offset;
    private final int length;

    RawJson(byte[] body, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, body.length);
        this.body = body;
        this.offset = offset;
        this.length = length;
    }

    public static RawJson of(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return new RawJson(bytes, 0, bytes.length);
    }

    /** Length in bytes (UTF-8). */
    public int length() {
        return length;
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return Arrays.copyOfRange(body, offset, offset + length);
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(body, offset, length);
    }

    /** The text, as sent. */
    @Override
    public String toString() {
        return new String(body, offset, length, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawJson r
                && Arrays.equals(body, offset, offset + length, r.body, r.offset, r.offset + r.length);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + body[i];
        }
        return h;
    }

    // The parsers of stream's data types take (array, offset, length): hand the slice over uncopied.
    byte[] array() {
        return body;
    }

    int offset() {
        return offset;
    }
}
