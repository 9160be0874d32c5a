package dev.nereid.bench.fuzz;

import java.util.List;

/**
 * One HTTP response as received: the body de-chunked but not decompressed.
 *
 * @param via which client received it, {@code jdk} or {@code raw}
 */
public record HttpAnswer(int status, List<Header> headers, byte[] body, String via) {

    public HttpAnswer {
        headers = List.copyOf(headers);
    }

    /** The first value of a header (case-insensitive), or null. */
    public String header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst()
                .orElse(null);
    }
}
