package dev.nereid.bench.gremlin;

import dev.nereid.bench.ScratchDirectory;
import dev.nereid.log.Durability;
import dev.nereid.server.NereidServer;
import dev.nereid.server.ServerConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

/**
 * One server of the Gremlin write benchmark, alone in its own JVM, driven over stdin/stdout by
 * {@link ChildServer}:
 *
 * <pre>
 * out: ready PORT            once the port accepts requests
 * in:  commits   out: commits N     the property-graph log's lastCommit (0 if empty, -1 for the stock server)
 * in:  stop, or end of input         the server is closed, its data deleted, the JVM exits
 * </pre>
 *
 * End of input also ends a server whose driver died, so none outlives a benchmark run.
 */
public final class ServerProcess {
    static final String HOST = "127.0.0.1";

    private ServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        ServerKind kind = ServerKind.fromCliName(args[0]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (kind.isNereid()) {
            try (ScratchDirectory data = ScratchDirectory.create("nereid-gremlin-")) {
                // A watchdog's exit in the driver ends this JVM too; the data must go all the same.
                Runtime.getRuntime().addShutdownHook(new Thread(data::close, "bench-cleanup"));
                ServerConfig config = ServerConfig.defaults(data.path()).withHost(HOST).withPort(0)
                        .withStreamsEnabled(kind != ServerKind.NEREID_STREAMS_OFF)
                        .withDurability(kind == ServerKind.NEREID_NO_FSYNC ? Durability.NONE : Durability.FSYNC);
                try (NereidServer server = NereidServer.start(config)) {
                    serve(in, server.port(), () -> server.propertyGraphLog().lastCommit()
                            .map(c -> c.commitNum()).orElse(0L));
                }
            }
        } else {
            int port = freePort();
            try (StockGremlinServer server = StockGremlinServer.start(HOST, port, kind == ServerKind.STOCK_TX)) {
                serve(in, port, () -> -1L);
            }
        }
        System.out.println("stopped");
        System.out.flush();
        // Gremlin Server leaves non-daemon pools behind after stop().
        System.exit(0);
    }

    interface CommitCounter {
        long lastCommit() throws IOException;
    }

    private static void serve(BufferedReader in, int port, CommitCounter commits) throws IOException {
        System.out.println("ready " + port);
        System.out.flush();
        for (String line = in.readLine(); line != null && !line.equals("stop"); line = in.readLine()) {
            if (line.equals("commits")) {
                System.out.println("commits " + commits.lastCommit());
            } else {
                System.out.println("unknown command " + line);
            }
            System.out.flush();
        }
    }

    /**
     * A port free right now. Gremlin Server does not report the port it bound when asked for 0, so
     * the stock server is given one; the gap between closing this socket and binding it is a race
     * that only another program grabbing the same port in those milliseconds can lose.
     */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }
}
