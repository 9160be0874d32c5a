package dev.nereid.bench.fuzz;

import java.util.Random;

/**
 * Breaks a WebSocket upgrade request; the server must then complete it anyway or refuse it in Neptune's format.
 * It never offers permessage-deflate: the raw client reads uncompressed frames only.
 */
final class HandshakeMutator {
    private static final String[][] REPLACEMENTS = {{"Sec-WebSocket-Version", "12"}, {"Sec-WebSocket-Version", "x"},
        {"Sec-WebSocket-Key", ""}, {"Sec-WebSocket-Key", "short"}, {"Upgrade", "websockets"}, {"Upgrade", "h2c"},
        {"Connection", "keep-alive"}, {"Sec-WebSocket-Protocol", "graphbinary, \u0001"},
        {"Sec-WebSocket-Extensions", "x-garbage;;"}};

    private HandshakeMutator() {
    }

    static HttpCall mutate(HttpCall handshake, Random r) {
        HttpCall m = handshake.mutated();
        return switch (r.nextInt(5)) {
            case 0 -> m.withoutHeader(new String[] {"Sec-WebSocket-Key", "Sec-WebSocket-Version", "Upgrade",
                "Connection"}[r.nextInt(4)]);
            case 1 -> m.withMethod(r.nextBoolean() ? "POST" : "PUT");
            case 2 -> m.withTarget(new String[] {"/gremlin/", "/gremlin?x=1", "/Gremlin", "/status", "/gremlin/stream"}
                    [r.nextInt(5)]);
            case 3 -> m.plusHeader("Sec-WebSocket-Key", "AAAAAAAAAAAAAAAAAAAAAA==");
            default -> {
                String[] pair = REPLACEMENTS[r.nextInt(REPLACEMENTS.length)];
                yield m.withoutHeader(pair[0]).plusHeader(pair[0], pair[1]);
            }
        };
    }
}
