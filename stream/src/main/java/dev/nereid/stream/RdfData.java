package dev.nereid.stream;

import java.util.Objects;

/**
 * The {@code data} object of an RDF record (spec §6.1): {@code {"stmt":"<one N-Quads statement>\n"}}.
 *
 * @param stmt one complete N-Quads line: terms, {@code " ."} and the terminating LF, which is its
 *             only LF (N-Quads escapes line breaks inside terms)
 */
public record RdfData(String stmt) {
    private static final byte[] START = JsonBuffer.ascii("{\"stmt\":");

    public RdfData {
        Objects.requireNonNull(stmt, "stmt");
        if (!stmt.endsWith(" .\n") || stmt.indexOf('\n') != stmt.length() - 1) {
            throw new IllegalArgumentException("not one N-Quads line ending in \" .\\n\": " + stmt);
        }
    }

    /** Reads back what {@link #toJson()} wrote. */
    public static RdfData fromJson(byte[] json, int offset, int length) {
        return DataParser.rdfData(json, offset, length);
    }

    public static RdfData fromJson(byte[] json) {
        return fromJson(json, 0, json.length);
    }

    /** Compact UTF-8 JSON; the statement is a JSON string with non-ASCII left raw. */
    public byte[] toJson() {
        JsonBuffer out = new JsonBuffer(16 + stmt.length() + stmt.length() / 8);
        out.put(START);
        out.putString(stmt);
        out.put((byte) '}');
        return out.toByteArray();
    }
}
