package dev.nereid.bench.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP request that is well-formed HTTP, whatever its content: sent by {@code java.net.http}, or over a
 * raw socket when that client refuses it (an unusual method, a restricted header, a URI it will not parse).
 * {@code Host} and {@code Content-Length} are the sender's unless a header here sets them.
 *
 * @param target   the path and query string exactly as sent, percent-encoding included
 * @param endpoint what the totals are kept under; the path of the corpus request a mutation came from
 * @param valid    untouched from the corpus
 * @param writes   a valid request that may change data, so that the log check after it knows to expect it
 */
public record HttpCall(String method, String target, List<Header> headers, byte[] body, String endpoint,
                       boolean valid, boolean writes) implements FuzzCase {

    public HttpCall {
        headers = List.copyOf(headers);
    }

    public static HttpCall get(String target, String endpoint, boolean writes, Header... headers) {
        return new HttpCall("GET", target, List.of(headers), new byte[0], endpoint, true, writes);
    }

    public static HttpCall post(String target, String contentType, String body, String endpoint, boolean writes) {
        List<Header> headers = contentType == null ? List.of() : List.of(new Header("Content-Type", contentType));
        return new HttpCall("POST", target, headers, body.getBytes(StandardCharsets.UTF_8), endpoint, true, writes);
    }

    /** The same request, no longer counted as valid: a mutation was applied to it. */
    public HttpCall mutated() {
        return new HttpCall(method, target, headers, body, endpoint, false, writes);
    }

    public HttpCall withMethod(String m) {
        return new HttpCall(m, target, headers, body, endpoint, valid, writes);
    }

    public HttpCall withTarget(String t) {
        return new HttpCall(method, t, headers, body, endpoint, valid, writes);
    }

    public HttpCall withHeaders(List<Header> h) {
        return new HttpCall(method, target, h, body, endpoint, valid, writes);
    }

    public HttpCall withBody(byte[] b) {
        return new HttpCall(method, target, headers, b, endpoint, valid, writes);
    }

    /** A copy with one more header, after those already there. */
    public HttpCall plusHeader(String name, String value) {
        List<Header> more = new ArrayList<>(headers);
        more.add(new Header(name, value));
        return withHeaders(more);
    }

    /** A copy without any header of that name (case-insensitive). */
    public HttpCall withoutHeader(String name) {
        return withHeaders(headers.stream().filter(h -> !h.name().equalsIgnoreCase(name)).toList());
    }

    public String header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst()
                .orElse(null);
    }

    public boolean isHead() {
        return method.toUpperCase(Locale.ROOT).equals("HEAD");
    }

    @Override
    public String describe() {
        StringBuilder out = new StringBuilder(method).append(' ')
                .append(FuzzCase.printable(target.getBytes(StandardCharsets.UTF_8), 300));
        for (Header h : headers) {
            out.append(" | ").append(FuzzCase.printable((h.name() + ": " + h.value())
                    .getBytes(StandardCharsets.UTF_8), 200));
        }
        if (body.length > 0) {
            out.append(" | body ").append(FuzzCase.printable(body, 400));
        }
        return out.toString();
    }
}
