package dev.nereid.server.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 proxy on a loopback port in front of a server, which answers some requests itself with
 * the faults a consumer meets in production: throttling (500 ThrottlingException, 429
 * TooManyRequestsException), connections reset before or in the middle of a response, and slow
 * responses. Which request gets which fault is decided by a {@link Plan}. The upstream can be
 * switched while it runs, so a server can restart behind a stable address.
 *
 * <p>Keep-alive on both sides; responses must carry Content-Length, as Nereid's do.
 */
final class FaultProxy implements AutoCloseable {

    /** What happens to one request. */
    sealed interface Fault {
        record Pass() implements Fault {
        }

        /** 500 with Neptune's ThrottlingException body. */
        record Throttle() implements Fault {
        }

        /** 429 TooManyRequestsException. */
        record TooManyRequests() implements Fault {
        }

        /** The client's connection is reset (RST) before any response byte. */
        record ResetBeforeResponse() implements Fault {
        }

        /** Part of the response's body is sent, then the connection is reset. */
        record ResetMidBody() implements Fault {
        }

        /** The response is sent after a delay. */
        record Delay(long millis) implements Fault {
        }

        /** Any other answer, e.g. a non-retryable error. */
        record Answer(int status, String code, String message) implements Fault {
        }
    }

    /** The fault for the n-th request (from 0) of the proxy's life. */
    @FunctionalInterface
    interface Plan {
        Fault next(int request);
    }

    static final Fault PASS = new Fault.Pass();

    private final ServerSocket listener;
    private final Plan plan;
    private volatile int upstreamPort;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Long> arrivalNanos = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> injected = new ConcurrentHashMap<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    FaultProxy(int upstreamPort, Plan plan) throws IOException {
        this.upstreamPort = upstreamPort;
        this.plan = plan;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    /** New upstream connections go to this port; those to a stopped server end with it. */
    void upstream(int port) {
        this.upstreamPort = port;
    }

    int requests() {
        return requests.get();
    }

    List<Long> arrivalNanos() {
        return List.copyOf(arrivalNanos);
    }

    /** How many of each fault (by its record name) were injected; passes and delays under a timeout included. */
    Map<String, Integer> injected() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        injected.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                client.setTcpNoDelay(true);
                open.add(client);
                Thread t = new Thread(() -> serve(client), "fault-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        Socket upstream = null;
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                byte[] head = readHead(in);
                if (head == null) {
                    return;
                }
                int n = requests.getAndIncrement();
                arrivalNanos.add(System.nanoTime());
                Fault fault = plan.next(n);
                injected.computeIfAbsent(fault.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
                if (fault instanceof Fault.Throttle) {
                    answer(out, 500, "Internal Server Error", "ThrottlingException", "Rate exceeded");
                    continue;
                }
                if (fault instanceof Fault.TooManyRequests) {
                    answer(out, 429, "Too Many Requests", "TooManyRequestsException", "Too many concurrent requests");
                    continue;
                }
                if (fault instanceof Fault.Answer a) {
                    answer(out, a.status(), "Error", a.code(), a.message());
                    continue;
                }
                if (fault instanceof Fault.ResetBeforeResponse) {
                    reset(client);
                    return;
                }
                if (fault instanceof Fault.Delay d) {
                    Thread.sleep(d.millis());
                }
                if (upstream == null) {
                    try {
                        upstream = new Socket();
                        upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), 2000);
                        upstream.setTcpNoDelay(true);
                        open.add(upstream);
                    } catch (IOException e) {
                        // The server is down: the client sees its connection reset, as with a dead load balancer.
                        reset(client);
                        return;
                    }
                }
                upstream.getOutputStream().write(head);
                upstream.getOutputStream().flush();
                InputStream upIn = upstream.getInputStream();
                byte[] responseHead = readHead(upIn);
                if (responseHead == null) {
                    reset(client);
                    return;
                }
                byte[] body = upIn.readNBytes(contentLength(responseHead));
                if (fault instanceof Fault.ResetMidBody) {
                    out.write(responseHead);
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    reset(client);
                    return;
                }
                out.write(responseHead);
                out.write(body);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client or the server went away
        } finally {
            if (upstream != null) {
                try {
                    upstream.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }
    }

    private static void answer(OutputStream out, int status, String reason, String code, String message) throws IOException {
        String requestId = UUID.randomUUID().toString();
        byte[] body = ("{\"requestId\":\"" + requestId + "\",\"code\":\"" + code + "\",\"detailedMessage\":\""
                + message + "\"}").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/json; charset=UTF-8\r\n"
                + "x-amzn-RequestId: " + requestId + "\r\nx-amzn-ErrorType: " + code + "\r\nContent-Length: "
                + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** SO_LINGER 0: close sends RST, which the client reads as "Connection reset". */
    private static void reset(Socket s) throws IOException {
        s.setSoLinger(true, 0);
        s.close();
    }

    /** Bytes up to and including the blank line, or null at end of stream before any byte. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new IOException("connection closed inside a message head");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toByteArray();
    }

    private static int contentLength(byte[] head) throws IOException {
        for (String line : new String(head, StandardCharsets.US_ASCII).split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
            if (lower.startsWith("transfer-encoding:")) {
                throw new IOException("the proxy forwards Content-Length bodies only");
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
