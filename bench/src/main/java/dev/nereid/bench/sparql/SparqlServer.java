package dev.nereid.bench.sparql;

import dev.nereid.bench.gremlin.ChildServer;
import dev.nereid.bench.gremlin.ServerKind;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** The three servers the SPARQL write benchmark compares, in the order each round runs them. */
enum SparqlServer {
    /** (a) Nereid as shipped: streams on, every update fsynced in the SPARQL log before it is acknowledged. */
    NEREID("(a)", "Nereid, streams on, fsync", "/sparql", "/sparql"),
    /** (b) The same with {@code neptune_streams} off: it still logs every change, it only stops serving the stream. */
    NEREID_STREAMS_OFF("(b)", "Nereid, streams off, fsync", "/sparql", "/sparql"),
    /** (c) The baseline: Fuseki over an in-memory transactional dataset, nothing on disk. */
    FUSEKI("(c)", "Fuseki 5.6.0, in-memory dataset", "/ds/update", "/ds/query");

    private final String mark;
    private final String label;
    private final String updatePath;
    private final String queryPath;

    SparqlServer(String mark, String label, String updatePath, String queryPath) {
        this.mark = mark;
        this.label = label;
        this.updatePath = updatePath;
        this.queryPath = queryPath;
    }

    /** The server in a JVM of its own, started by the same code with the same Java, class path and options. */
    ChildServer start(List<String> jvmOptions) throws IOException {
        return switch (this) {
            case NEREID -> ChildServer.start(ServerKind.NEREID, null, jvmOptions);
            case NEREID_STREAMS_OFF -> ChildServer.start(ServerKind.NEREID_STREAMS_OFF, null, jvmOptions);
            case FUSEKI -> ChildServer.start(cliName(), FusekiProcess.class, jvmOptions);
        };
    }

    /** Nereid answers a committed update with its commitNum; Fuseki with 204 and no body. */
    boolean isNereid() {
        return this != FUSEKI;
    }

    String updatePath() {
        return updatePath;
    }

    String queryPath() {
        return queryPath;
    }

    String mark() {
        return mark;
    }

    String label() {
        return mark + " " + label;
    }

    /** The name used on the command line: {@code nereid}, {@code nereid-streams-off}, {@code fuseki}. */
    String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static SparqlServer fromCliName(String name) {
        for (SparqlServer server : values()) {
            if (server.cliName().equals(name)) {
                return server;
            }
        }
        throw new IllegalArgumentException("unknown server " + name + " (nereid, nereid-streams-off, fuseki)");
    }
}
