package dev.nereid.bench.gremlin;

import static dev.nereid.bench.MarkdownTable.decimal;
import static dev.nereid.bench.MarkdownTable.rate;

import dev.nereid.bench.MarkdownTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where one server's time went, from the JFR recording of its whole life ({@code --profile}): Java
 * CPU samples by thread and by the components on their stacks, the hottest leaf methods, every
 * {@code FileChannel.force} ({@code jdk.FileForce}; JFR has no event for {@code FileDescriptor.sync}),
 * GC pauses and the process's share of the CPU.
 *
 * <p>Shares are of the samples taken on threads serving requests (start-up on {@code main} is left
 * out). A sample counts towards every component that has a frame on its stack, so the component
 * shares add up to more than 100%: "GraphBinary 12%" means 12% of the samples were somewhere inside
 * GraphBinary, including whatever it called. The Nereid methods are counted the same way.
 */
record FlightProfile(ServerKind kind, long samples, long serving, Map<String, Long> threads,
                     Map<String, Long> components, Map<String, Long> nereid, Map<String, Long> leaves, long forces,
                     Duration forcing, Duration gcPauses, double cpu, double machineCpu) {

    /** Components by the class-name prefixes of their frames (a method name after '#'), in the order printed. */
    private static final Map<String, List<String>> COMPONENTS = componentPrefixes();

    private static Map<String, List<String>> componentPrefixes() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("Netty: sockets, HTTP and WebSocket frames", List.of("io.netty."));
        c.put("GraphBinary (de)serialization", List.of("org.apache.tinkerpop.gremlin.structure.io.binary.",
                "org.apache.tinkerpop.gremlin.util.ser."));
        c.put("Gremlin Server request handling", List.of("org.apache.tinkerpop.gremlin.server."));
        c.put("gremlin-lang parsing", List.of("org.apache.tinkerpop.gremlin.language.", "org.antlr."));
        c.put("bytecode to traversal (JavaTranslator)", List.of("org.apache.tinkerpop.gremlin.jsr223.JavaTranslator"));
        c.put("traversal strategies", List.of("#applyStrategies"));
        c.put("TinkerGraph", List.of("org.apache.tinkerpop.gremlin.tinkergraph."));
        c.put("Nereid graph: transaction, capture, commit", List.of("dev.nereid.graph."));
        c.put("Nereid log: append, group commit", List.of("dev.nereid.log."));
        c.put("logging", List.of("ch.qos.logback.", "org.slf4j."));
        return c;
    }

    static FlightProfile read(Path file, ServerKind kind) throws IOException {
        long samples = 0;
        long serving = 0;
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> nereid = new HashMap<>();
        Map<String, Long> components = new LinkedHashMap<>();
        COMPONENTS.keySet().forEach(k -> components.put(k, 0L));
        Map<String, Long> leaves = new HashMap<>();
        long forces = 0;
        Duration forcing = Duration.ZERO;
        Duration gc = Duration.ZERO;
        double cpu = 0;
        double machine = 0;
        int cpuReadings = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent e = recording.readEvent();
                switch (e.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> {
                        samples++;
                        RecordedThread thread = e.getThread("sampledThread");
                        String name = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
                        threads.merge(name.replaceAll("\\d+", "N"), 1L, Long::sum);
                        RecordedStackTrace stack = e.getStackTrace();
                        // Start-up (main) and the recorder's own threads are not serving requests.
                        if (stack == null || stack.getFrames().isEmpty() || name.equals("main")
                                || name.startsWith("JFR")) {
                            continue;
                        }
                        serving++;
                        leaves.merge(method(stack.getFrames().get(0)), 1L, Long::sum);
                        COMPONENTS.forEach((component, prefixes) -> {
                            if (onStack(stack, prefixes)) {
                                components.merge(component, 1L, Long::sum);
                            }
                        });
                        Set<String> own = new HashSet<>();
                        for (RecordedFrame frame : stack.getFrames()) {
                            if (frame.getMethod().getType().getName().startsWith("dev.nereid.")) {
                                own.add(method(frame));
                            }
                        }
                        own.forEach(m -> nereid.merge(m, 1L, Long::sum));
                    }
                    case "jdk.FileForce" -> {
                        forces++;
                        forcing = forcing.plus(e.getDuration());
                    }
                    case "jdk.GarbageCollection" -> gc = gc.plus(e.getDuration("sumOfPauses"));
                    case "jdk.CPULoad" -> {
                        cpu += e.getFloat("jvmUser") + e.getFloat("jvmSystem");
                        machine += e.getFloat("machineTotal");
                        cpuReadings++;
                    }
                    default -> {
                    }
                }
            }
        }
        return new FlightProfile(kind, samples, serving, threads, components, nereid, leaves, forces, forcing, gc,
                cpuReadings == 0 ? 0 : cpu / cpuReadings, cpuReadings == 0 ? 0 : machine / cpuReadings);
    }

    private static boolean onStack(RecordedStackTrace stack, List<String> prefixes) {
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            for (String prefix : prefixes) {
                if (prefix.startsWith("#") ? frame.getMethod().getName().equals(prefix.substring(1))
                        : type.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String method(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    String render() {
        StringBuilder out = new StringBuilder("## Profile of " + kind.label() + "\n\n");
        out.append(String.format(Locale.ROOT, "%,d Java CPU samples over the server's life, %,d of them on threads"
                        + " serving requests (not start-up); shares below are of those. Process CPU %.0f%% of the"
                        + " machine on average (machine %.0f%%). GC pauses %,d ms.", samples, serving, cpu * 100,
                machineCpu * 100, gcPauses.toMillis()));
        if (forces > 0) {
            out.append(String.format(Locale.ROOT, " %,d FileChannel.force calls (jdk.FileForce), %,d ms in all,"
                    + " %.0f µs mean.", forces, forcing.toMillis(), forcing.toNanos() / 1e3 / forces));
        }
        out.append("\n\n").append(shares("component (on the stack)", components, Integer.MAX_VALUE, false));
        out.append('\n').append(shares("thread (share of all samples)", threads, 8, true, samples));
        if (!nereid.isEmpty()) {
            out.append('\n').append(shares("Nereid method (on the stack)", nereid, 20, true));
        }
        out.append('\n').append(shares("leaf method (self time)", leaves, 15, true));
        return out.toString();
    }

    private String shares(String what, Map<String, Long> counts, int limit, boolean byCount) {
        return shares(what, counts, limit, byCount, serving);
    }

    private static String shares(String what, Map<String, Long> counts, int limit, boolean byCount, long of) {
        MarkdownTable table = new MarkdownTable(what, "samples", "share");
        counts.entrySet().stream()
                .sorted(byCount ? Map.Entry.<String, Long>comparingByValue().reversed() : (x, y) -> 0)
                .limit(limit)
                .forEach(e -> table.row(e.getKey(), rate(e.getValue()),
                        decimal(100.0 * e.getValue() / Math.max(1, of)) + "%"));
        return table.toString();
    }
}
