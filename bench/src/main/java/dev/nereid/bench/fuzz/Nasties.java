package dev.nereid.bench.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Hostile values: numbers that do not fit, invalid UTF-8, deep nesting in each language, very long text. */
public final class Nasties {
    static final String[] NUMBERS = {"-1", "0", "-0", "99999999999999999999", "9223372036854775808",
        "9223372036854775807", "-9223372036854775809", "1e400", "1e3", "0x10", "NaN", "Infinity", "1.5", "", " 1",
        "1 ", "+1", "abc", "١", "00000000000000000000001"};
    static final byte[][] BAD_UTF8 = {
        {(byte) 0xff}, {(byte) 0xc3, 0x28}, {(byte) 0xe2, (byte) 0x82}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
        {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xc0, (byte) 0xaf}, {0}, {(byte) 0xfe, (byte) 0xff}};
    static final String[] PERCENT = {"%", "%z", "%zz", "%%", "%0", "%ff", "%c3%28", "%ed%a0%80", "%00", "%2", "%u0041",
        "%C0%AF", "%25%", "+%2B+"};
    static final String[] TOKENS = {"\"", "'", "{", "}", "[", "]", "(", ")", "\\", "\\u", "\u0000", ";", "&", "=",
        "%", "\n", "\r\n", "$", "`", "<", ">", "#", "/*", "--", "\u2028", "\uffff", "\ud800", "null", ","};

    private Nasties() {
    }

    public static String number(Random r) {
        return NUMBERS[r.nextInt(NUMBERS.length)];
    }

    public static byte[] badUtf8(Random r) {
        return BAD_UTF8[r.nextInt(BAD_UTF8.length)];
    }

    public static String percent(Random r) {
        return PERCENT[r.nextInt(PERCENT.length)];
    }

    public static String token(Random r) {
        return TOKENS[r.nextInt(TOKENS.length)];
    }

    /** Depth for nesting: mostly moderate, sometimes deep enough to blow a naive recursive parser's stack. */
    public static int depth(Random r) {
        int p = r.nextInt(20);
        return p < 14 ? 20 + r.nextInt(300) : p < 19 ? 1_000 + r.nextInt(4_000) : 10_000 + r.nextInt(140_000);
    }

    /**
     * Nesting in a Gremlin script is kept where the server answers within its query timeout: deeper, a
     * script holds a worker thread for tens of seconds past it, and the connections that share that
     * worker wait as long: a finding of its own, which would otherwise only cost time and stall other cases.
     */
    static String deepGremlin(Random r) {
        int where = 1 + r.nextInt(60);
        int lists = 20 + r.nextInt(600);
        return r.nextBoolean() ? "g.V()" + ".where(__.out()".repeat(where) + ")".repeat(where)
                : "g.inject(" + "[".repeat(lists) + "1" + "]".repeat(lists) + ")";
    }

    /** A body that nests deeply in JSON, Gremlin, SPARQL or openCypher, or is just very long. */
    public static String deepBody(Random r, String field) {
        int d = depth(r);
        return switch (r.nextInt(9)) {
            case 0 -> "{\"" + field + "\":" + "[".repeat(d) + "]".repeat(d) + "}";
            case 1 -> "{\"" + field + "\":" + "{\"a\":".repeat(d) + "1" + "}".repeat(d) + "}";
            case 2 -> "[".repeat(d);
            case 3, 4 -> "{\"" + field + "\":\"" + deepGremlin(r) + "\"}";
            case 5 -> field + "=" + Corpus.enc(SparqlCorpus.PREFIX + "SELECT * WHERE " + "{ ".repeat(d) + "?s ?p ?o"
                    + " }".repeat(d));
            case 6 -> field + "=" + Corpus.enc("RETURN " + "(".repeat(d) + "1" + ")".repeat(d) + " AS x");
            case 7 -> field + "=" + Corpus.enc("RETURN " + "[".repeat(d) + "]".repeat(d) + " AS x");
            default -> "{\"" + field + "\":\"" + "x".repeat(100_000 + r.nextInt(1_000_000)) + "\"}";
        };
    }

    /** A language-level nesting inside an otherwise valid request body for the endpoint. */
    public static String deepStatement(Random r, String endpoint) {
        int d = depth(r);
        if (endpoint.startsWith("/sparql")) {
            return r.nextBoolean()
                    ? SparqlCorpus.PREFIX + "SELECT * WHERE " + "{ ".repeat(d) + "?s ?p ?o" + " }".repeat(d)
                    : SparqlCorpus.PREFIX + "SELECT * WHERE { ?s ?p ?o FILTER(" + "(".repeat(d) + "?o" + ")".repeat(d)
                    + ") }";
        }
        if (endpoint.startsWith("/open")) {
            return r.nextBoolean() ? "RETURN " + "(".repeat(d) + "1" + ")".repeat(d) + " AS x"
                    : "RETURN " + "[".repeat(d) + "]".repeat(d) + " AS x";
        }
        return deepGremlin(r);
    }

    public static String longText(Random r) {
        int n = switch (r.nextInt(3)) {
            case 0 -> 5_000 + r.nextInt(5_000);
            case 1 -> 70_000 + r.nextInt(100_000);
            default -> 1_000_000 + r.nextInt(1_000_000);
        };
        return String.valueOf((char) ('a' + r.nextInt(26))).repeat(n);
    }

    public static byte[] randomBytes(Random r, int max) {
        byte[] b = new byte[1 + r.nextInt(max)];
        r.nextBytes(b);
        return b;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
