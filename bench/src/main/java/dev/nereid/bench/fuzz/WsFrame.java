package dev.nereid.bench.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.Random;

/**
 * One client WebSocket frame (RFC 6455 §5.2), every field settable so a frame can break the protocol.
 *
 * @param rsv            the three reserved bits, 0 in a valid frame
 * @param masked         clients must mask; an unmasked frame is a protocol error
 * @param declaredLength the payload length written in the header; -1 for the real one. A larger value
 *                       leaves the frame unfinished, which the server can only wait on.
 */
public record WsFrame(boolean fin, int rsv, int opcode, boolean masked, byte[] payload, long declaredLength) {
    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    public static WsFrame of(int opcode, byte[] payload) {
        return new WsFrame(true, 0, opcode, true, payload, -1);
    }

    /** Whether the frame, as written, is complete: the server has all its bytes. */
    public boolean whole() {
        return declaredLength < 0 || declaredLength <= payload.length;
    }

    public byte[] encode(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 14);
        out.write((fin ? 0x80 : 0) | (rsv & 0x7) << 4 | opcode & 0xf);
        long length = declaredLength < 0 ? payload.length : declaredLength;
        int mask = masked ? 0x80 : 0;
        if (length < 126) {
            out.write(mask | (int) length);
        } else if (length <= 0xffff) {
            out.write(mask | 126);
            out.write((int) (length >>> 8) & 0xff);
            out.write((int) length & 0xff);
        } else {
            out.write(mask | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (length >>> shift) & 0xff);
            }
        }
        byte[] key = new byte[4];
        if (masked) {
            random.nextBytes(key);
            out.write(key, 0, 4);
        }
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ key[i & 3]);
        }
        return out.toByteArray();
    }

    public String describe() {
        return String.format("%s%s op=%x%s len=%d%s %s", fin ? "FIN" : "frag", rsv != 0 ? " rsv=" + rsv : "", opcode,
                masked ? "" : " unmasked", payload.length, declaredLength >= 0 ? " declared=" + declaredLength : "",
                FuzzCase.printable(payload, 160));
    }
}
