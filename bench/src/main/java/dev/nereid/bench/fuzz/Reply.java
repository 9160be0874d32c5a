package dev.nereid.bench.fuzz;

import java.util.List;

/**
 * Everything one connection gave back for a request: the responses, in order, and how it ended.
 *
 * @param ending {@link Ending#ANSWERED} when the client got what it waited for; otherwise why not
 * @param detail the client's exception or the bytes it could not parse, for failure reports
 */
public record Reply(List<HttpAnswer> answers, Ending ending, String detail) {

    public enum Ending {
        /** The responses were read and the connection was closed or kept cleanly. */
        ANSWERED,
        /** The server closed the connection without a (further) response. */
        CLOSED,
        /** The connection was reset, or the client failed reading. */
        RESET,
        /** Nothing more came within the timeout and the connection stayed open. */
        TIMEOUT,
        /** The server sent bytes that are not an HTTP response. */
        GARBLED
    }

    public Reply {
        answers = List.copyOf(answers);
    }

    public static Reply of(HttpAnswer answer) {
        return new Reply(List.of(answer), Ending.ANSWERED, "");
    }
}
