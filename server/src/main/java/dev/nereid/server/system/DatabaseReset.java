package dev.nereid.server.system;

import dev.nereid.graph.NereidGraph;
import dev.nereid.rdf.RdfStore;
import dev.nereid.server.http.RequestGate;
import dev.nereid.server.stream.StreamLogs;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Empties everything, durably and as one step as far as anyone can observe: requests are drained
 * and turned away while it runs, and a marker file makes a crash mid-reset finish the reset at the
 * next start instead of leaving one stream reset and the other not.
 */
public final class DatabaseReset {
    public static final String IN_PROGRESS =
            "Database reset is in progress. Please retry the query after the cluster is available.";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseReset.class);
    private static final String MARKER = "reset.pending";

    private final Path dataDir;
    private final StreamLogs logs;
    private final NereidGraph graph;
    private final RdfStore rdf;
    private final RequestGate gate;

    /**
     * @param graph the property graph, emptied with its log
     * @param rdf   the RDF store, emptied with its log
     */
    public DatabaseReset(Path dataDir, StreamLogs logs, NereidGraph graph, RdfStore rdf, RequestGate gate) {
        this.dataDir = dataDir;
        this.logs = logs;
        this.graph = graph;
        this.rdf = rdf;
        this.gate = gate;
    }

    /**
     * Finishes a reset that a crash interrupted. Call once at start-up, before serving and before the
     * graph is opened from the log.
     */
    public static void finishInterrupted(Path dataDir, StreamLogs logs, Path graphSnapshots, Path rdfSnapshots)
            throws IOException {
        Path marker = dataDir.resolve(MARKER);
        if (Files.exists(marker)) {
            LOG.warn("a database reset was interrupted; finishing it");
            logs.reset();
            NereidGraph.deleteSnapshots(graphSnapshots);
            RdfStore.deleteSnapshots(rdfSnapshots);
            Files.delete(marker);
            syncDirectory(dataDir);
        }
    }

    public void perform() throws IOException, InterruptedException {
        gate.closeAndDrain(IN_PROGRESS);
        try {
            Path marker = dataDir.resolve(MARKER);
            try (FileChannel ch = FileChannel.open(marker, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            syncDirectory(dataDir);
            // Both engines hold their commits back while the logs reset, so neither can land a commit
            // between its log's reset and its own clear (a Gremlin session's open g.tx() outlives the gate).
            graph.resetWith(() -> rdf.resetWith(logs::reset));
            Files.delete(marker);
            syncDirectory(dataDir);
            LOG.info("database reset: both streams restart at commitNum 1");
        } finally {
            gate.reopen();
        }
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
