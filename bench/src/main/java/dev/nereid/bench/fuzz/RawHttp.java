package dev.nereid.bench.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for bytes no real client would send: writes them, shuts the output (the
 * server answers what it got, then closes), reads to the end and parses every response in what came back.
 */
public final class RawHttp {
    private final String host;
    private final int port;
    private final int timeoutMillis;

    public RawHttp(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /** The request as it goes on the wire, with {@code Host} and {@code Content-Length} unless it sets them. */
    public byte[] serialize(HttpCall call) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + call.body().length);
        StringBuilder head = new StringBuilder(call.method()).append(' ').append(call.target()).append(" HTTP/1.1\r\n");
        if (call.header("Host") == null) {
            head.append("Host: ").append(host).append(':').append(port).append("\r\n");
        }
        for (Header h : call.headers()) {
            head.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        if (call.header("Content-Length") == null && call.header("Transfer-Encoding") == null
                && (call.body().length > 0 || !call.method().equals("GET"))) {
            head.append("Content-Length: ").append(call.body().length).append("\r\n");
        }
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(call.body());
        return out.toByteArray();
    }

    /** @param headRequest whether the first request is a HEAD, whose response has no body */
    public Reply exchange(byte[] request, boolean headRequest) {
        byte[] received;
        Reply.Ending ending = Reply.Ending.ANSWERED;
        String detail = "";
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                // The server may answer and close before it has read everything (an oversized head).
                detail = "write: " + e;
            }
            ReadResult read = readAll(socket.getInputStream());
            received = read.bytes();
            if (read.ending() != null) {
                ending = read.ending();
                detail = read.detail();
            }
        } catch (IOException e) {
            return new Reply(List.of(), Reply.Ending.RESET, "connect: " + e);
        }
        return parse(received, headRequest, ending, detail);
    }

    private record ReadResult(byte[] bytes, Reply.Ending ending, String detail) {
    }

    private static ReadResult readAll(InputStream in) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                got.write(buffer, 0, n);
            }
            return new ReadResult(got.toByteArray(), null, "");
        } catch (SocketTimeoutException e) {
            return new ReadResult(got.toByteArray(), Reply.Ending.TIMEOUT, "no end of stream after the output was shut");
        } catch (IOException e) {
            return new ReadResult(got.toByteArray(), Reply.Ending.RESET, "read: " + e);
        }
    }

    /**
     * Every whole response in {@code bytes}. Interim 1xx responses are kept. What follows the last whole
     * response, if anything, makes the reply {@link Reply.Ending#GARBLED}.
     */
    static Reply parse(byte[] bytes, boolean headRequest, Reply.Ending ending, String detail) {
        List<HttpAnswer> answers = new ArrayList<>();
        Cursor c = new Cursor(bytes);
        while (c.pos < bytes.length) {
            int start = c.pos;
            HttpAnswer answer = c.response(headRequest && answers.stream().allMatch(a -> a.status() < 200));
            if (answer == null) {
                String rest = FuzzCase.printable(java.util.Arrays.copyOfRange(bytes, start, bytes.length), 300);
                return new Reply(answers, Reply.Ending.GARBLED, "unparseable response bytes: " + rest);
            }
            answers.add(answer);
        }
        if (ending == Reply.Ending.ANSWERED && answers.isEmpty()) {
            return new Reply(answers, Reply.Ending.CLOSED, "closed without a response");
        }
        return new Reply(answers, ending, detail);
    }

    /** A reading position in received bytes; each method returns null where the bytes stop making sense. */
    private static final class Cursor {
        private final byte[] bytes;
        private int pos;

        Cursor(byte[] bytes) {
            this.bytes = bytes;
        }

        HttpAnswer response(boolean noBody) {
            String statusLine = line();
            if (statusLine == null || !statusLine.matches("HTTP/1\\.[01] [1-5][0-9][0-9]( .*)?")) {
                return null;
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            List<Header> headers = new ArrayList<>();
            for (String line = line(); !"".equals(line); line = line()) {
                if (line == null) {
                    return null;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    return null;
                }
                headers.add(new Header(line.substring(0, colon), line.substring(colon + 1).strip()));
            }
            byte[] body = noBody || status < 200 || status == 204 || status == 304 ? new byte[0] : body(headers);
            return body == null ? null : new HttpAnswer(status, headers, body, "raw");
        }

        private byte[] body(List<Header> headers) {
            String length = null;
            boolean chunked = false;
            for (Header h : headers) {
                if (h.name().equalsIgnoreCase("Content-Length")) {
                    length = h.value();
                } else if (h.name().equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = h.value().toLowerCase(Locale.ROOT).contains("chunked");
                }
            }
            if (chunked) {
                return chunks();
            }
            if (length == null) {
                return take(bytes.length - pos);
            }
            try {
                return take(Integer.parseInt(length));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private byte[] chunks() {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = line();
                if (sizeLine == null) {
                    return null;
                }
                int size;
                try {
                    size = Integer.parseInt(sizeLine.split(";", 2)[0].strip(), 16);
                } catch (NumberFormatException e) {
                    return null;
                }
                if (size == 0) {
                    for (String trailer; (trailer = line()) != null && !trailer.isEmpty(); ) {
                        // trailers carry nothing the oracle reads
                    }
                    return body.toByteArray();
                }
                byte[] chunk = take(size);
                if (chunk == null || !"".equals(line())) {
                    return null;
                }
                body.writeBytes(chunk);
            }
        }

        private byte[] take(int n) {
            if (n < 0 || pos + n > bytes.length) {
                return null;
            }
            byte[] taken = java.util.Arrays.copyOfRange(bytes, pos, pos + n);
            pos += n;
            return taken;
        }

        /** The next CRLF-terminated line, or null if there is none. */
        private String line() {
            for (int i = pos; i + 1 < bytes.length; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                    String line = new String(bytes, pos, i - pos, StandardCharsets.ISO_8859_1);
                    pos = i + 2;
                    return line;
                }
            }
            return null;
        }
    }
}
