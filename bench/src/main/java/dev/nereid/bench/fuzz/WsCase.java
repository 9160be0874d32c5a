package dev.nereid.bench.fuzz;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A WebSocket exchange on {@code /gremlin} over a raw socket: the upgrade request, then frames.
 *
 * @param handshake  the upgrade request; a mutated one may be refused, which must then be in Neptune's format
 * @param frames     sent once the upgrade is accepted; empty for a case about the handshake alone
 * @param kind       what was done to it, for the totals
 * @param mustAnswer whether the frames form one whole message: then the server must answer it with a
 *                   response message or close the connection with a close frame, never leave it hanging
 *                   or drop it silently
 */
public record WsCase(HttpCall handshake, List<WsFrame> frames, String kind, boolean valid, boolean writes,
                     boolean mustAnswer) implements FuzzCase {

    public WsCase {
        frames = List.copyOf(frames);
    }

    @Override
    public String endpoint() {
        return "ws /gremlin";
    }

    @Override
    public String describe() {
        String sent = frames.stream().map(WsFrame::describe).collect(Collectors.joining(" ; "));
        return "ws " + kind + (handshake.valid() ? "" : " handshake " + handshake.describe()) + " frames " + sent;
    }
}
