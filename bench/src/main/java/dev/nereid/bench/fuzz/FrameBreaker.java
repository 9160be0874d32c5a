package dev.nereid.bench.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Frames that break RFC 6455 itself, invalid UTF-8 in a text frame included. The server may close the
 * connection for any of these, with or without a close frame (RFC 6455 §7.1.7: it "SHOULD" send one), but
 * must not leave it hanging; the output is shut after them so a server that waits for more sees the end.
 */
final class FrameBreaker {

    private FrameBreaker() {
    }

    static WsCase broken(HttpCall handshake, WsFrame valid, Random r) {
        byte[] p = valid.payload();
        List<WsFrame> frames = switch (r.nextInt(10)) {
            case 0 -> List.of(new WsFrame(true, 1 + r.nextInt(7), valid.opcode(), true, p, -1));
            case 1 -> List.of(new WsFrame(true, 0, 3 + r.nextInt(5), true, p, -1));
            case 2 -> List.of(new WsFrame(true, 0, 0xB + r.nextInt(5), true, p, -1));
            case 3 -> List.of(new WsFrame(true, 0, valid.opcode(), false, p, -1));
            case 4 -> List.of(new WsFrame(true, 0, WsFrame.CONTINUATION, true, p, -1));
            case 5 -> List.of(new WsFrame(false, 0, WsFrame.PING, true, new byte[] {1}, -1));
            case 6 -> List.of(WsFrame.of(WsFrame.PING, new byte[126 + r.nextInt(200)]));
            case 7 -> List.of(new WsFrame(true, 0, valid.opcode(), true, Arrays.copyOf(p, p.length / 2),
                    p.length + r.nextInt(1 << 20)));
            case 8 -> List.of(WsFrame.of(WsFrame.TEXT, HttpMutator.insert(valid.opcode() == WsFrame.TEXT ? p
                    : "{\"requestId\":\"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), Nasties.badUtf8(r), r)));
            default -> List.of(WsFrame.of(WsFrame.CLOSE, r.nextBoolean() ? new byte[] {0x03, (byte) 0xe8}
                    : new byte[] {(byte) r.nextInt(256)}));
        };
        return new WsCase(handshake, frames, "frame protocol", false, false, false);
    }
}
