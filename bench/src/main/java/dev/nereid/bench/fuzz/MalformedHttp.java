package dev.nereid.bench.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Bytes that are not well-formed HTTP/1.1: broken request lines and headers, header floods, bad chunked
 * bodies, Content-Length that lies either way, pipelined garbage, other protocols' openings, and valid
 * requests with bytes flipped anywhere. Each says whether a response is owed (see {@link RawBytes}).
 */
public final class MalformedHttp {
    private static final String[] LINES = {"GET\r\n", "GET /status\r\n", "GET /status HTTP/9.9\r\n",
        "GET  /status HTTP/1.1\r\n", "GET /status HTTP/1.1 extra\r\n", "get /status http/1.1\r\n",
        "GET http://x/status HTTP/1.1\r\n", "GET * HTTP/1.1\r\n", "G\u0000T /status HTTP/1.1\r\n",
        "GET /sta\u0000tus HTTP/1.1\r\n", "GET /st atus HTTP/1.1\r\n", "GET /status HTTP/1.1\n",
        "GET /status HTTP/1.0\r\n", "POST /gremlin HTTP/1.1\r\n", "GET /\u00e9\u00e8 HTTP/1.1\r\n",
        " GET /status HTTP/1.1\r\n", "GET /status HTTP/1.1\r\r\n", "GET /status\tHTTP/1.1\r\n",
        "GET /status HTTP/1\r\n", "GET /status HTTPS/1.1\r\n", "PRI * HTTP/2.0\r\n"};
    private static final String[] BAD_HEADERS = {"Foo\r\n", "Host : x\r\n", " folded continuation\r\n",
        "X: a\u0000b\r\n", "X: a\rb\r\n", ": empty-name\r\n", "X-\u00e9: v\r\n", "Content-Length: -1\r\n",
        "Content-Length: abc\r\n", "Content-Length: 99999999999999999999\r\n", "Content-Length: 1, 2\r\n",
        "Transfer-Encoding: gzip, chunked\r\n", "Transfer-Encoding: chunked, identity\r\n", "Expect: 100-continue\r\n",
        "Expect: nonsense\r\n", "Connection: Upgrade\r\nUpgrade: h2c\r\n", "Host: a\r\nHost: b\r\n", "\t\r\n",
        "Content-Type: application/json\r\nContent-Type: text/plain\r\n"};

    private final RawHttp raw;

    public MalformedHttp(RawHttp raw) {
        this.raw = raw;
    }

    public RawBytes next(Random r, HttpCall valid) {
        return switch (r.nextInt(14)) {
            case 0 -> badLine(r);
            case 1 -> badHeader(r, valid);
            case 2 -> hugeHeader(r);
            case 3 -> headerFlood(r);
            case 4 -> badChunks(r);
            case 5 -> shortBody(r, valid);
            case 6 -> longBody(r, valid);
            case 7 -> pipelined(r, valid);
            case 8 -> garbage(r);
            case 9 -> longUri(r);
            case 10 -> new RawBytes(tlsHello(), "raw http", "TLS ClientHello on the plain port", false);
            case 11 -> oversizedBody(r);
            default -> flipped(r, valid);
        };
    }

    private static RawBytes badLine(Random r) {
        String line = LINES[r.nextInt(LINES.length)];
        String head = line + "Host: x\r\n\r\n";
        // Netty reads a few of these leniently (an LF-only line end, a leading space); an answer is owed to all
        // that still end their head properly, and to the HTTP/0.9 and 2.0 lines, which it refuses.
        return new RawBytes(ascii(head), "raw http", "request line", true);
    }

    private static RawBytes badHeader(Random r, HttpCall valid) {
        String h = BAD_HEADERS[r.nextInt(BAD_HEADERS.length)];
        boolean chunked = h.contains("chunked");
        String body = chunked ? "" : "";
        String head = "POST /sparql HTTP/1.1\r\nHost: x\r\n" + h + "Content-Type: application/sparql-query\r\n"
                + (chunked || h.startsWith("Content-Length") ? "" : "Content-Length: 0\r\n") + "\r\n" + body;
        // A bad length or coding leaves the server waiting for a body that never comes: no answer owed then.
        boolean owed = !chunked && !h.startsWith("Content-Length") && !h.startsWith("Expect");
        return new RawBytes(ascii(head), "raw http", "header", owed);
    }

    private static RawBytes hugeHeader(Random r) {
        int n = 8_000 + r.nextInt(100_000);
        return new RawBytes(ascii("GET /status HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(n) + "\r\n\r\n"),
                "raw http", "huge header", true);
    }

    private static RawBytes headerFlood(Random r) {
        StringBuilder head = new StringBuilder("GET /status HTTP/1.1\r\nHost: x\r\n");
        int n = 200 + r.nextInt(5_000);
        for (int i = 0; i < n; i++) {
            head.append("X-Flood-").append(i).append(": ").append(i).append("\r\n");
        }
        return new RawBytes(ascii(head.append("\r\n").toString()), "raw http", "header flood", true);
    }

    private static RawBytes badChunks(Random r) {
        String[] bodies = {"zz\r\nabc\r\n0\r\n\r\n", "-5\r\nabc\r\n0\r\n\r\n", "ffffffffffffffffff\r\nabc\r\n",
            "3\r\nabcdef\r\n0\r\n\r\n", "3;ext=\"\r\nabc\r\n0\r\n\r\n", "3\r\nabc", "3\r\nabc\r\n0\r\nBad Trailer\r\n\r\n",
            "3\nabc\n0\n\n", "0\r\n\r\n", "1\r\n{\r\n0\r\n\r\n"};
        String body = bodies[r.nextInt(bodies.length)];
        String head = "POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-update\r\n"
                + "Transfer-Encoding: chunked\r\n" + (r.nextInt(4) == 0 ? "Content-Length: 3\r\n" : "") + "\r\n";
        return new RawBytes(ascii(head + body), "raw http", "chunked body", false);
    }

    /** Content-Length larger than the body: the server waits for bytes that never come, then sees the close. */
    private RawBytes shortBody(Random r, HttpCall valid) {
        byte[] body = valid.body().length > 0 ? valid.body() : ascii("{\"action\":\"snapshot\"}");
        HttpCall lying = valid.withoutHeader("Content-Length").plusHeader("Content-Length",
                String.valueOf(body.length + 1 + r.nextInt(1000))).withBody(body);
        return new RawBytes(raw.serialize(lying), "raw http", "Content-Length above the body", false);
    }

    /** Content-Length smaller than the body: the rest reads as a next request, which is garbage. */
    private RawBytes longBody(Random r, HttpCall valid) {
        byte[] body = valid.body().length > 1 ? valid.body() : ascii("action=snapshot");
        HttpCall lying = valid.withoutHeader("Content-Length").plusHeader("Content-Length",
                String.valueOf(r.nextInt(body.length))).withBody(body);
        return new RawBytes(raw.serialize(lying), "raw http", "Content-Length below the body", true);
    }

    private RawBytes pipelined(Random r, HttpCall valid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(raw.serialize(valid));
        out.writeBytes(r.nextBoolean() ? raw.serialize(valid) : Nasties.randomBytes(r, 200));
        if (r.nextBoolean()) {
            out.writeBytes(ascii("\r\n\r\n"));
        }
        return new RawBytes(out.toByteArray(), "raw http", "pipelined", true);
    }

    private static RawBytes garbage(Random r) {
        byte[] g = Nasties.randomBytes(r, 4_000);
        return new RawBytes(r.nextBoolean() ? concat(g, ascii("\r\n\r\n")) : g, "raw http", "random bytes", false);
    }

    private static RawBytes longUri(Random r) {
        String uri = "/pg/stream?x=" + "a".repeat(4_000 + r.nextInt(60_000));
        return new RawBytes(ascii("GET " + uri + " HTTP/1.1\r\nHost: x\r\n\r\n"), "raw http", "long URI", true);
    }

    /** A body over the server's limit (150 MiB by default), announced and not sent: refused from the head alone. */
    private static RawBytes oversizedBody(Random r) {
        long length = (1L << 30) + r.nextInt(1 << 30);
        return new RawBytes(ascii("POST /gremlin HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + length + "\r\n\r\n{\"gremlin\":"), "raw http", "oversized body", true);
    }

    private RawBytes flipped(Random r, HttpCall valid) {
        byte[] bytes = HttpMutator.flip(raw.serialize(valid), r);
        return new RawBytes(bytes, "raw http", "valid request, bits flipped", false);
    }

    private static byte[] tlsHello() {
        return new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x00, (byte) 0xa1, 0x03, 0x03, 0, 0, 0};
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
