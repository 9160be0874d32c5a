package dev.nereid.bench.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Breaks a valid (and possibly signed) request in one to three ways: its body's bytes, its query string,
 * its parameters and their values, its method, its headers, the nesting and length of what it carries.
 * Every result is still well-formed HTTP; bytes that are not go through {@link MalformedHttp}.
 */
public final class HttpMutator {
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE",
        "get", "FOO", "PROPFIND", "CONNECT"};
    private static final String[] CONTENT_TYPES = {"text/plain", "application/json", "application/x-www-form-urlencoded",
        "application/sparql-query", "application/sparql-update", "multipart/form-data; boundary=x", "a/b; charset=zzz",
        "application/json; charset=UTF-16", "application/json; charset=ISO-8859-1", "", ";;;", "application/xml",
        "APPLICATION/SPARQL-UPDATE", "application/sparql-update; charset=\"", "*/*"};
    private static final String[] ODD_HEADERS = {"Accept", "Accept-Encoding", "Accept-Charset", "Cookie", "Origin",
        "Authorization", "X-Amz-Date", "X-Amz-Security-Token", "Range", "If-None-Match", "Transfer-Encoding"};
    private static final String[] ODD_VALUES = {"gzip", "gzip;q=0", "gzip;q=abc", "*", "identity;q=0, *;q=0", "br",
        "deflate, gzip", "text/csv", "application/sparql-results+json;q=2", "../../", "AWS4-HMAC-SHA256 Credential=x",
        "bytes=0-1", "chunked", "\t", "x".repeat(3000)};
    private static final String[] PATHS = {"/gremlin", "/gremlin/", "/Gremlin", "/openCypher/", "/OPENCYPHER",
        "/sparql/", "/SPARQL", "/status/", "/system/", "/pg/stream//", "/pg", "//status", "/pg/stream%2F",
        "/propertygraph/stream/x", "/opencypher/stream", "/./status", "/gremlin/../status", "/%2e%2e/status",
        "/status;x", "/\u00e9", "/gremlin?", "*"};
    private static final String[] PARAMS = {"limit", "iteratorType", "commitNum", "opNum", "gremlin", "query", "update",
        "parameters", "action", "token", "bindings", "default-graph-uri", "named-graph-uri", "using-graph-uri", "x", "",
        "X-Amz-Algorithm", "LIMIT", "commitnum"};

    private HttpMutator() {
    }

    public static HttpCall mutate(HttpCall call, Random r) {
        HttpCall m = call.mutated();
        int times = 1 + (r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0);
        for (int i = 0; i < times; i++) {
            m = once(m, r);
        }
        return m;
    }

    private static HttpCall once(HttpCall c, Random r) {
        return switch (r.nextInt(24)) {
            case 0, 1 -> c.withBody(flip(c.body(), r));
            case 2 -> c.withBody(insert(c.body(), Nasties.utf8(Nasties.token(r)), r));
            case 3 -> c.withBody(delete(c.body(), r));
            case 4 -> c.withBody(Arrays.copyOf(c.body(), c.body().length == 0 ? 0 : r.nextInt(c.body().length)));
            case 5 -> c.withBody(insert(c.body(), Nasties.badUtf8(r), r));
            case 6 -> c.withBody(Nasties.utf8(Nasties.deepBody(r, field(c))));
            case 7 -> c.withBody(Nasties.utf8(statementBody(c, Nasties.deepStatement(r, c.endpoint()), r)));
            case 8 -> c.withBody(Nasties.utf8(statementBody(c, r.nextBoolean() ? Nasties.longText(r)
                    : "g.V().has('name','" + Nasties.longText(r) + "')", r)));
            case 9 -> c.withTarget(flipTarget(c.target(), r));
            case 10 -> c.withTarget(withParam(c.target(), PARAMS[r.nextInt(PARAMS.length)], Nasties.number(r)));
            case 11 -> c.withTarget(duplicateParam(c.target(), r));
            case 12 -> c.withTarget(numbersIn(c.target(), r));
            case 13 -> c.withTarget(insertAt(c.target(), Nasties.percent(r), r));
            case 14 -> c.withTarget(withParam(c.target(), PARAMS[r.nextInt(PARAMS.length)],
                    r.nextBoolean() ? "v".repeat(3_000 + r.nextInt(6_000)) : Nasties.token(r)));
            case 15 -> c.withMethod(METHODS[r.nextInt(METHODS.length)]);
            case 16 -> contentType(c, r);
            case 17 -> gzip(c, r);
            case 18 -> c.plusHeader(ODD_HEADERS[r.nextInt(ODD_HEADERS.length)], ODD_VALUES[r.nextInt(ODD_VALUES.length)]);
            case 19 -> c.withBody(Nasties.utf8(jsonShape(c, r)));
            case 20 -> c.withTarget(PATHS[r.nextInt(PATHS.length)] + query(c.target()));
            case 21 -> c.withBody(Nasties.utf8(new String(c.body(), StandardCharsets.UTF_8)
                    .replaceAll("[0-9]+", Nasties.number(r))));
            case 22 -> c.withBody(Nasties.randomBytes(r, 64));
            default -> c.withTarget(c.target() + (c.target().contains("?") ? "&" : "?")
                    + new String(c.body(), StandardCharsets.UTF_8).replace("\r", "").replace("\n", "%0A")
                            .replace(" ", "%20").replace("#", "%23"));
        };
    }

    /** The field a route reads its request from. */
    private static String field(HttpCall c) {
        String e = c.endpoint();
        if (e.startsWith("/open")) {
            return "query";
        } else if (e.startsWith("/sparql")) {
            return new String(c.body(), StandardCharsets.UTF_8).startsWith("update") ? "update" : "query";
        } else if (e.equals("/system")) {
            return "action";
        }
        return "gremlin";
    }

    /** A body carrying {@code statement} in the endpoint's field, as JSON or as a form. */
    private static String statementBody(HttpCall c, String statement, Random r) {
        String field = field(c);
        return r.nextBoolean() ? Corpus.json(java.util.Map.of(field, statement))
                : field + "=" + Corpus.enc(statement);
    }

    /** The endpoint's fields with values of the wrong type, repeated, or unknown fields beside them. */
    private static String jsonShape(HttpCall c, Random r) {
        String field = field(c);
        String value = switch (r.nextInt(9)) {
            case 0 -> "1";
            case 1 -> "null";
            case 2 -> "[\"g.V()\"]";
            case 3 -> "{\"a\":1}";
            case 4 -> "true";
            case 5 -> "\"\"";
            case 6 -> "\"x\",\"" + field + "\":\"y\"";
            case 7 -> "\"RETURN 1\",\"parameters\":" + (r.nextBoolean() ? "\"{not json\"" : "[1,2]");
            default -> "\"g.V()\",\"bindings\":{\"x\":1},\"token\":" + Nasties.number(r);
        };
        return "{\"" + field + "\":" + value + "}";
    }

    private static HttpCall contentType(HttpCall c, Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> c.withoutHeader("Content-Type");
            case 1 -> c.withoutHeader("Content-Type").plusHeader("Content-Type", CONTENT_TYPES[r.nextInt(CONTENT_TYPES.length)]);
            default -> c.plusHeader("Content-Type", CONTENT_TYPES[r.nextInt(CONTENT_TYPES.length)]);
        };
    }

    /** Says gzip and lies, or tells the truth about a body no route expects compressed. */
    private static HttpCall gzip(HttpCall c, Random r) {
        HttpCall labelled = c.plusHeader("Content-Encoding", r.nextBoolean() ? "gzip" : "deflate");
        if (r.nextBoolean()) {
            return labelled;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(c.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return labelled.withBody(out.toByteArray());
    }

    static byte[] flip(byte[] b, Random r) {
        if (b.length == 0) {
            return new byte[] {(byte) r.nextInt(256)};
        }
        byte[] copy = b.clone();
        int flips = 1 + r.nextInt(3);
        for (int i = 0; i < flips; i++) {
            copy[r.nextInt(copy.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return copy;
    }

    static byte[] insert(byte[] b, byte[] what, Random r) {
        int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + what.length);
        out.write(b, 0, at);
        out.writeBytes(what);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    static byte[] delete(byte[] b, Random r) {
        if (b.length == 0) {
            return b;
        }
        int from = r.nextInt(b.length);
        int to = Math.min(b.length, from + 1 + r.nextInt(16));
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, from);
        out.write(b, to, b.length - to);
        return out.toByteArray();
    }

    /** Flips, inserts or deletes a character of the path or query, keeping it on one line. */
    private static String flipTarget(String t, Random r) {
        int at = 1 + r.nextInt(Math.max(1, t.length() - 1));
        char ch = (char) (0x21 + r.nextInt(0x5e));
        return switch (r.nextInt(3)) {
            case 0 -> t.substring(0, at) + ch + t.substring(Math.min(t.length(), at + 1));
            case 1 -> t.substring(0, at) + ch + t.substring(at);
            default -> t.substring(0, at - 1) + t.substring(at);
        };
    }

    private static String insertAt(String t, String what, Random r) {
        int at = t.contains("?") ? t.indexOf('?') + 1 + r.nextInt(t.length() - t.indexOf('?')) : t.length();
        return t.substring(0, at) + what + t.substring(at);
    }

    private static String withParam(String t, String name, String value) {
        return t + (t.contains("?") ? "&" : "?") + Corpus.enc(name) + "=" + Corpus.enc(value);
    }

    private static String duplicateParam(String t, Random r) {
        String q = query(t);
        if (q.length() < 2) {
            return withParam(t, PARAMS[r.nextInt(PARAMS.length)], "1") + "&" + q;
        }
        String[] params = q.substring(1).split("&");
        return t + "&" + params[r.nextInt(params.length)];
    }

    /** Every number in the query string replaced by one that does not fit. */
    private static String numbersIn(String t, Random r) {
        List<String> parts = new ArrayList<>(List.of(t.split("=", -1)));
        StringBuilder out = new StringBuilder(parts.get(0));
        for (int i = 1; i < parts.size(); i++) {
            out.append('=').append(parts.get(i).replaceFirst("^[0-9]+", Corpus.enc(Nasties.number(r))));
        }
        return out.toString();
    }

    private static String query(String t) {
        int q = t.indexOf('?');
        return q < 0 ? "" : t.substring(q);
    }
}
