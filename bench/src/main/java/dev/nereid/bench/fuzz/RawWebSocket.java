package dev.nereid.bench.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Random;

/**
 * A WebSocket client over a plain socket that sends frames exactly as given, however broken, and reads
 * what the server sends back frame by frame.
 */
final class RawWebSocket implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    /** What one read of the server's frames found. */
    sealed interface Event permits Message, Pong, Close, Ended {
    }

    /** A whole data message, continuations joined. */
    record Message(boolean binary, byte[] payload) implements Event {
    }

    record Pong() implements Event {
    }

    /** A close frame; code -1 when it carried none. */
    record Close(int code) implements Event {
    }

    /** The connection ended without a close frame, or nothing came in time. */
    record Ended(boolean timedOut, String detail) implements Event {
    }

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = socket.getOutputStream();
    }

    static RawWebSocket connect(String host, int port, int timeoutMillis) throws IOException {
        Socket socket = new Socket(host, port);
        socket.setSoTimeout(timeoutMillis);
        return new RawWebSocket(socket);
    }

    /**
     * Sends the upgrade request and reads the response head. A 101 leaves the connection open for frames;
     * anything else is read to the end, as the server owes a whole response.
     */
    Reply handshake(byte[] request, boolean headRequest) throws IOException {
        out.write(request);
        out.flush();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        try {
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
            }
        } catch (SocketTimeoutException e) {
            return RawHttp.parse(head.toByteArray(), headRequest, Reply.Ending.TIMEOUT, "no response to the upgrade");
        }
        byte[] bytes = head.toByteArray();
        if (new String(bytes, 0, Math.min(12, bytes.length), java.nio.charset.StandardCharsets.ISO_8859_1)
                .matches("HTTP/1\\.1 101")) {
            return RawHttp.parse(bytes, headRequest, Reply.Ending.ANSWERED, "");
        }
        socket.shutdownOutput();
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        rest.writeBytes(bytes);
        Reply.Ending ending = Reply.Ending.ANSWERED;
        try {
            rest.writeBytes(in.readAllBytes());
        } catch (SocketTimeoutException e) {
            ending = Reply.Ending.TIMEOUT;
        } catch (IOException e) {
            ending = Reply.Ending.RESET;
        }
        return RawHttp.parse(rest.toByteArray(), headRequest, ending, "");
    }

    /** @param shutOutput end the client's side after the frames, so a server waiting on more sees the end */
    void send(List<WsFrame> frames, Random random, boolean shutOutput) throws IOException {
        for (WsFrame f : frames) {
            out.write(f.encode(random));
        }
        out.flush();
        if (shutOutput) {
            socket.shutdownOutput();
        }
    }

    /** The next message, pong or close; pings are skipped. */
    Event next() {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        boolean binary = false;
        try {
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                int opcode = b0 & 0xf;
                long length = b1 & 0x7f;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                if (length < 0 || length > 256L * 1024 * 1024) {
                    return new Ended(false, "frame of length " + length);
                }
                byte[] mask = new byte[4];
                if ((b1 & 0x80) != 0) {
                    in.readFully(mask);
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i & 3];
                }
                switch (opcode) {
                    case WsFrame.CLOSE -> {
                        return new Close(payload.length >= 2 ? (payload[0] & 0xff) << 8 | payload[1] & 0xff : -1);
                    }
                    case WsFrame.PONG -> {
                        return new Pong();
                    }
                    case WsFrame.PING -> {
                        continue;
                    }
                    case WsFrame.TEXT, WsFrame.BINARY -> binary = opcode == WsFrame.BINARY;
                    default -> {
                        // continuation: part of the message begun before
                    }
                }
                message.writeBytes(payload);
                if ((b0 & 0x80) != 0) {
                    return new Message(binary, message.toByteArray());
                }
            }
        } catch (SocketTimeoutException e) {
            return new Ended(true, "nothing within the timeout");
        } catch (EOFException e) {
            return new Ended(false, "end of stream");
        } catch (IOException e) {
            return new Ended(false, e.toString());
        }
    }

    void timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
