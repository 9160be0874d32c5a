package dev.nereid.bench.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Judges what came back for an HTTP request or raw bytes. Accepted: every response in Neptune's format
 * ({@link ErrorContract}); after it, a close or a reset (the server may close after a 400 before reading
 * all the client sent). Not accepted: bytes that are not a response, a connection left open after the
 * client shut its side, and a close with no response at all when one was owed — always for a well-formed
 * request, and for raw bytes when they held a complete request head ({@link RawBytes#mustAnswer()}).
 * A valid corpus request must succeed, or get a retryable error or the stream's "nothing there yet" 404.
 */
public final class HttpJudge {

    private HttpJudge() {
    }

    public static Verdict judge(HttpCall call, Reply reply) {
        // A body framed by a Transfer-Encoding the call sets is read as chunks it is not: no answer is owed.
        boolean owed = call.header("Transfer-Encoding") == null && call.header("Content-Length") == null;
        return judge(reply, call.isHead(), owed, call.valid());
    }

    public static Verdict judge(RawBytes raw, Reply reply) {
        return judge(reply, false, raw.mustAnswer(), false);
    }

    private static Verdict judge(Reply reply, boolean head, boolean owed, boolean valid) {
        List<String> violations = new ArrayList<>();
        HttpAnswer last = null;
        for (HttpAnswer a : reply.answers()) {
            violations.addAll(ErrorContract.http(a, head && a == reply.answers().get(0)));
            if (a.status() >= 200 && last == null) {
                last = a;
            }
        }
        switch (reply.ending()) {
            case GARBLED -> violations.add("garbled response: " + reply.detail());
            case TIMEOUT -> {
                // java.net.http cannot shut its side: a body it labels chunked and never sends is still awaited.
                if (owed || last != null) {
                    violations.add("no answer and no close within the timeout: " + reply.detail());
                }
            }
            case CLOSED, RESET -> {
                if (last == null && owed) {
                    violations.add("connection ended without a response: " + reply.ending() + " " + reply.detail());
                }
            }
            default -> {
                // answered
            }
        }
        if (last == null) {
            return new Verdict(reply.ending() == Reply.Ending.TIMEOUT ? "no answer (timeout)" : "closed, no answer", 0,
                    true, violations);
        }
        String code = last.status() >= 300 ? last.header(ErrorContract.ERROR_TYPE) : null;
        if (valid && last.status() >= 300 && !acceptedForValid(last.status(), code, last.body())) {
            violations.add("a valid request was refused: " + last.status() + " "
                    + FuzzCase.printable(last.body(), 300));
        }
        return new Verdict(last.status() + (code == null ? "" : " " + code), last.status() / 100, last.status() >= 300,
                violations);
    }

    /**
     * What a valid request may still get: a stream position past the end, a retryable error, or, for a graph asked
     * for as RDF/XML, the refusal of a graph that format cannot write. Mutated updates store IRIs SPARQL's grammar
     * takes and RDF/XML cannot name, so a valid CONSTRUCT can meet them.
     */
    private static boolean acceptedForValid(int status, String code, byte[] body) {
        return status == 404 && "StreamRecordsNotFoundException".equals(code) || code != null
                && ErrorContract.retryable(code) || status == 400 && "BadRequestException".equals(code)
                && new String(body, java.nio.charset.StandardCharsets.UTF_8)
                        .contains("\"detailedMessage\":\"The result cannot be written as RDF/XML: ");
    }
}
