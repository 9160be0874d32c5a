package dev.nereid.bench.http;

import java.nio.charset.StandardCharsets;

/**
 * What a consumer needs from a page to ask for the next one: {@code lastEventId} from the head of
 * the body and {@code totalRecords} from its tail. Read in place, without parsing the records, so
 * the client's cost stays out of the figures; the field order is Nereid's byte-stable order
 * (spec §2.1), and anything else fails loudly.
 */
record PageSummary(long commitNum, long opNum, int totalRecords) {
    private static final byte[] HEAD = ascii("{\"lastEventId\":{\"commitNum\":");
    private static final byte[] OP = ascii(",\"opNum\":");
    private static final byte[] TAIL = ascii(",\"totalRecords\":");

    static PageSummary parse(byte[] body) {
        expect(body, 0, HEAD);
        int at = HEAD.length;
        long commitNum = 0;
        for (; isDigit(body[at]); at++) {
            commitNum = commitNum * 10 + (body[at] - '0');
        }
        expect(body, at, OP);
        at += OP.length;
        long opNum = 0;
        for (; isDigit(body[at]); at++) {
            opNum = opNum * 10 + (body[at] - '0');
        }
        // The body ends ...],"totalRecords":N}
        int end = body.length - 1;
        int start = end;
        while (isDigit(body[start - 1])) {
            start--;
        }
        expect(body, start - TAIL.length, TAIL);
        int total = Integer.parseInt(new String(body, start, end - start, StandardCharsets.US_ASCII));
        return new PageSummary(commitNum, opNum, total);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static void expect(byte[] body, int at, byte[] text) {
        for (int i = 0; i < text.length; i++) {
            if (at + i < 0 || at + i >= body.length || body[at + i] != text[i]) {
                throw new IllegalStateException("not a stream page at byte " + at + ": "
                        + new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8));
            }
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
