package dev.nereid.bench.http;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The least a keep-alive HTTP/1.1 client can do: write the request line, read the headers, read
 * {@code Content-Length} bytes into a fresh array. Only for bodies with a length, as the server
 * sends; it exists to tell the server's cost from {@link JdkPageClient}'s.
 */
final class RawSocketPageClient implements PageClient {
    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawSocketPageClient(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        connect();
    }

    @Override
    public String name() {
        return "raw socket";
    }

    @Override
    public HttpPage get(String target, boolean gzip) throws IOException {
        String request = "GET " + target + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                + (gzip ? "Accept-Encoding: gzip\r\n" : "") + "\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();

        String statusLine = readLine();
        String[] status = statusLine.split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int length = -1;
        boolean gzipped = false;
        boolean close = false;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Integer.parseInt(value);
                case "content-encoding" -> gzipped = value.equalsIgnoreCase("gzip");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> {
                    // Other headers do not matter here.
                }
            }
        }
        if (length < 0) {
            throw new IOException("response without Content-Length");
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new EOFException("body ended after " + body.length + " of " + length + " bytes");
        }
        if (close) {
            close();
            connect();
        }
        return new HttpPage(Integer.parseInt(status[1]), body, gzipped);
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port));
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed inside the response head");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
