package dev.nereid.bench.fuzz;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.apache.tinkerpop.gremlin.util.message.ResponseMessage;
import org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1;

/**
 * Runs one {@link WsCase} on a fresh connection and judges it. What is accepted: a refused upgrade in
 * Neptune's error format; for a whole message, a final response message (an error in Neptune's terms) or
 * a close frame; for a ping, a pong; for frames that break the protocol, anything but a connection left
 * hanging after the client shut its side. A whole message answered by a dropped connection or by silence
 * is a failure.
 */
public final class WsSender {
    /** The outcome of a message Gremlin Server cannot make a request of, left without an answer. */
    public static final String UNDECODABLE_UNANSWERED = "ws no answer (undecodable message)";
    /** A request id no generated message has. */
    static final UUID PROBE = new UUID(0x6e65726569645052L, 0x4f42450000000001L);
    private static final WsFrame PROBE_FRAME = WsFrame.of(WsFrame.BINARY, GremlinMessages.serialize(
            new GraphBinaryMessageSerializerV1(), GremlinMessages.eval("g.inject(0)", PROBE)));
    /** How long an answer may trail the probe's, for a request that cannot be decoded (it never should). */
    private static final int AFTER_PROBE_MILLIS = 100;

    private final String host;
    private final int port;
    private final RawHttp raw;
    private final int timeoutMillis;
    private final int mutatedTimeoutMillis;

    /**
     * @param mutatedTimeoutMillis how long a broken message may go unanswered: longer than any answer takes
     *                             (the fuzzer's server stops queries after 2 s), shorter than the timeout for
     *                             valid requests, as the known unanswered kinds would otherwise cost the most time
     */
    public WsSender(String host, int port, RawHttp raw, int timeoutMillis, int mutatedTimeoutMillis) {
        this.host = host;
        this.port = port;
        this.raw = raw;
        this.timeoutMillis = timeoutMillis;
        this.mutatedTimeoutMillis = Math.min(timeoutMillis, mutatedTimeoutMillis);
    }

    public Verdict send(WsCase c, Random random) {
        try (RawWebSocket ws = RawWebSocket.connect(host, port, timeoutMillis)) {
            Reply upgrade = ws.handshake(raw.serialize(c.handshake()), false);
            if (upgrade.answers().isEmpty() || upgrade.answers().get(0).status() != 101) {
                return refusedUpgrade(c, upgrade);
            }
            boolean ping = c.kind().equals(GremlinMessages.PING);
            if (!c.valid()) {
                ws.timeout(mutatedTimeoutMillis);
            }
            ws.send(c.frames(), random, !c.mustAnswer() && !ping);
            if (c.mustAnswer()) {
                ws.send(List.of(PROBE_FRAME), random, false);
            }
            return ping ? pong(ws.next()) : c.mustAnswer() ? answer(c, ws) : protocolBreak(ws.next());
        } catch (IOException e) {
            return new Verdict("ws io error", 0, true, c.mustAnswer() ? List.of("connection failed: " + e) : List.of());
        }
    }

    private static Verdict refusedUpgrade(WsCase c, Reply upgrade) {
        if (upgrade.answers().isEmpty()) {
            return new Verdict("ws upgrade unanswered", 0, true, List.of("upgrade request got no response: "
                    + upgrade.ending() + " " + upgrade.detail()));
        }
        HttpAnswer a = upgrade.answers().get(0);
        List<String> violations = new ArrayList<>(ErrorContract.http(a, false));
        if (c.handshake().valid()) {
            violations.add("a valid upgrade was refused with " + a.status());
        }
        if (upgrade.ending() == Reply.Ending.GARBLED || upgrade.ending() == Reply.Ending.TIMEOUT) {
            violations.add("after the upgrade's refusal: " + upgrade.ending() + " " + upgrade.detail());
        }
        String code = a.status() >= 300 ? " " + a.header(ErrorContract.ERROR_TYPE) : "";
        return new Verdict("ws upgrade " + a.status() + code, a.status() / 100, true, violations);
    }

    /**
     * Reads until the final response of the request (206s are partial results), a close, or nothing. The
     * probe sent after the request tells early when a request the server cannot decode went unanswered:
     * such a request is failed before the probe is read, so once the probe is answered there is nothing
     * left to wait for.
     */
    private static Verdict answer(WsCase c, RawWebSocket ws) throws IOException {
        boolean decodes = ServerDecoding.decodes(c.frames());
        while (true) {
            RawWebSocket.Event e = ws.next();
            if (e instanceof RawWebSocket.Message m) {
                Optional<ResponseMessage> response = WsResponses.decode(m);
                if (response.isEmpty()) {
                    return new Verdict("ws unreadable response", 0, true, List.of("response is not a Gremlin response "
                            + "message: " + FuzzCase.printable(m.payload(), 200)));
                }
                int status = response.get().getStatus().getCode().getValue();
                if (PROBE.equals(response.get().getRequestId())) {
                    if (status != 206 && !decodes) {
                        ws.timeout(AFTER_PROBE_MILLIS);
                    }
                    continue;
                }
                if (status == 206) {
                    continue;
                }
                return WsResponses.judge(status, response.get().getStatus().getMessage(), c.valid(), "ws ");
            }
            if (e instanceof RawWebSocket.Close close) {
                List<String> violations = c.valid() ? List.of("a valid request was answered by close " + close.code())
                        : List.of();
                return new Verdict("ws close " + close.code(), 0, true, violations);
            }
            if (e instanceof RawWebSocket.Ended ended && !ended.timedOut() && !ServerDecoding.validText(c.frames())) {
                // RFC 6455 §8.1: invalid UTF-8 fails the connection; a close frame first is only recommended.
                return new Verdict("ws closed (invalid UTF-8)", 0, true, List.of());
            }
            if (e instanceof RawWebSocket.Ended ended) {
                String outcome = !ended.timedOut() ? "ws dropped" : decodes ? "ws no answer" : UNDECODABLE_UNANSWERED;
                return new Verdict(outcome, 0, true, List.of("a whole message got no response: " + ended.detail()));
            }
            // an unasked-for pong: keep waiting for the response
        }
    }

    private static Verdict pong(RawWebSocket.Event e) {
        return e instanceof RawWebSocket.Pong ? new Verdict("ws pong", 2, false, List.of())
                : new Verdict("ws no pong", 0, true, List.of("a ping got " + e + " instead of a pong"));
    }

    private static Verdict protocolBreak(RawWebSocket.Event e) {
        if (e instanceof RawWebSocket.Ended ended && ended.timedOut()) {
            return new Verdict("ws hanging", 0, true, List.of("connection left open after the client shut its side"));
        }
        if (e instanceof RawWebSocket.Close close) {
            return new Verdict("ws close " + close.code(), 0, true, List.of());
        }
        if (e instanceof RawWebSocket.Message m) {
            Optional<ResponseMessage> response = WsResponses.decode(m);
            return response.map(r -> WsResponses.judge(r.getStatus().getCode().getValue(), r.getStatus().getMessage(),
                    false, "ws ")).orElse(new Verdict("ws unreadable response", 0, true,
                    List.of("response is not a Gremlin response message")));
        }
        return new Verdict("ws closed", 0, true, List.of());
    }
}
