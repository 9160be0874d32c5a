package dev.nereid.bench.fuzz;

/**
 * One thing the fuzzer sends and judges on its own: an HTTP request, raw bytes over a socket, a
 * WebSocket exchange on {@code /gremlin}, or a request through TinkerPop's driver.
 */
public sealed interface FuzzCase permits HttpCall, RawBytes, WsCase, DriverCase {

    /** The endpoint the totals are kept under, e.g. {@code /sparql} or {@code ws /gremlin}. */
    String endpoint();

    /** Whether it came from the corpus untouched: such a case must succeed, not merely fail well. */
    boolean valid();

    /** A short, printable description for failure reports. */
    String describe();

    /** Printable and bounded: control bytes escaped, long text cut in the middle. */
    static String printable(byte[] bytes, int max) {
        StringBuilder out = new StringBuilder();
        int n = bytes.length;
        int head = n <= max ? n : max * 2 / 3;
        appendEscaped(out, bytes, 0, head);
        if (n > max) {
            out.append("…[").append(n - max).append(" bytes]…");
            appendEscaped(out, bytes, n - (max - head), n);
        }
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xff;
            if (b == '\r') {
                out.append("\\r");
            } else if (b == '\n') {
                out.append("\\n");
            } else if (b < 0x20 || b >= 0x7f) {
                out.append(String.format("\\x%02x", b));
            } else {
                out.append((char) b);
            }
        }
    }
}
