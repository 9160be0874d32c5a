package dev.nereid.bench.gremlin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The driver's handle on a {@link ServerProcess}: a server in a JVM of its own, started with the
 * driver's own Java, class path and logging configuration, so the three servers differ only in
 * what they run.
 */
public final class ChildServer implements AutoCloseable {
    private final ServerKind kind;
    private final String name;
    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final int port;

    private ChildServer(ServerKind kind, String name, Process process, BufferedReader out, Writer in, int port) {
        this.kind = kind;
        this.name = name;
        this.process = process;
        this.out = out;
        this.in = in;
        this.port = port;
    }

    /** @param flightRecording where the child writes a JFR recording of its whole life, or null for none */
    public static ChildServer start(ServerKind kind, Path flightRecording) throws IOException {
        return start(kind, flightRecording, List.of());
    }

    /** As {@link #start(ServerKind, Path)}, with {@code jvmOptions} (a heap size, say) for the child JVM. */
    public static ChildServer start(ServerKind kind, Path flightRecording, List<String> jvmOptions)
            throws IOException {
        List<String> options = new ArrayList<>(jvmOptions);
        if (flightRecording != null) {
            // Java stacks sampled every millisecond (profile settings: 10 ms); FileForce at 0 ms catches every
            // FileChannel.force (not FileDescriptor.sync: count those with perf, see docs/performance.md).
            options.add("-XX:StartFlightRecording=settings=profile,jdk.ExecutionSample#period=1ms,"
                    + "jdk.FileForce#threshold=0ms,filename=" + flightRecording);
        }
        return launch(kind, kind.cliName(), options, ServerProcess.class, List.of(kind.cliName()));
    }

    /**
     * A server another benchmark compares, started the same way: {@code main} runs it in the child JVM and
     * speaks {@link ServerProcess}'s protocol on stdin and stdout. It has no {@link ServerKind}: {@link #kind()}
     * is null.
     */
    public static ChildServer start(String name, Class<?> main, List<String> jvmOptions) throws IOException {
        return launch(null, name, jvmOptions, main, List.of());
    }

    private static ChildServer launch(ServerKind kind, String name, List<String> jvmOptions, Class<?> main,
                                      List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String logback = System.getProperty("logback.configurationFile");
        if (logback != null) {
            command.add("-Dlogback.configurationFile=" + logback);
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        // The ready line; anything printed before it (a JFR banner) is passed through.
        for (String line = out.readLine(); ; line = out.readLine()) {
            if (line == null) {
                throw new IOException(name + " server exited before it was ready (exit " + waitFor(process) + ")");
            }
            if (line.startsWith("ready ")) {
                return new ChildServer(kind, name, process, out, in, Integer.parseInt(line.substring(6).trim()));
            }
            System.out.println(name + ": " + line);
        }
    }

    public ServerKind kind() {
        return kind;
    }

    public int port() {
        return port;
    }

    /** The child JVM's process id, to read what the OS says about it (its memory, say). */
    public long pid() {
        return process.pid();
    }

    /** CPU time the server's JVM has used so far, all threads (JIT and GC included), or -1 if the OS won't say. */
    public long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** The property-graph log's lastCommit as the server itself sees it; -1 for the stock server. */
    public long lastCommit() throws IOException {
        in.write("commits\n");
        in.flush();
        String line = out.readLine();
        if (line == null || !line.startsWith("commits ")) {
            throw new IOException(name + " answered " + line);
        }
        return Long.parseLong(line.substring(8).trim());
    }

    @Override
    public void close() throws IOException {
        try {
            in.write("stop\n");
            in.close();
        } catch (IOException e) {
            // Already gone: nothing to stop.
        }
        if (waitFor(process) != 0) {
            throw new IOException(name + " server exited with " + process.exitValue());
        }
    }

    /** Waits up to 30 s for the child to exit, then ends it; never leaves a server behind. */
    private static int waitFor(Process process) {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return process.waitFor();
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    /** Stops every server, even after one failed to stop cleanly; the first failure is thrown. */
    public static void closeAll(List<ChildServer> servers) throws IOException {
        IOException failure = null;
        for (ChildServer server : servers) {
            try {
                server.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
