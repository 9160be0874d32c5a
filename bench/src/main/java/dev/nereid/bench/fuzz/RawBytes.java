package dev.nereid.bench.fuzz;

/**
 * Bytes that are not well-formed HTTP, written to a fresh connection whose output is then shut.
 *
 * @param mustAnswer whether the bytes hold a complete request head (request line, headers, blank line)
 *                   and, if it declares one, the whole body: then a close with no response is a failure.
 *                   Without one the server cannot tell the request apart from one still arriving, and a
 *                   plain close is accepted.
 */
public record RawBytes(byte[] bytes, String endpoint, String kind, boolean mustAnswer) implements FuzzCase {

    @Override
    public boolean valid() {
        return false;
    }

    @Override
    public String describe() {
        return "raw " + kind + ": " + FuzzCase.printable(bytes, 500);
    }
}
