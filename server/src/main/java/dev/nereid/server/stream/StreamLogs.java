package dev.nereid.server.stream;

import dev.nereid.log.ChangeLog;
import dev.nereid.log.FileChangeLog;
import dev.nereid.log.LogConfig;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The two change logs a server owns (DESIGN §1): the property-graph stream, which Gremlin and
 * openCypher share, and the RDF stream. Each numbers its commits on its own.
 */
public final class StreamLogs implements AutoCloseable {
    private final ChangeLog propertyGraph;
    private final ChangeLog sparql;

    private StreamLogs(ChangeLog propertyGraph, ChangeLog sparql) {
        this.propertyGraph = propertyGraph;
        this.sparql = sparql;
    }

    /** Opens (and recovers) both logs under {@code dataDir}. */
    public static StreamLogs open(Path dataDir, LogConfig config) throws IOException {
        // Each log reports its own recovery (what it found, what it dropped) as it opens.
        FileChangeLog pg = FileChangeLog.open(dataDir.resolve("propertygraph").resolve("log"), config);
        try {
            return new StreamLogs(pg, FileChangeLog.open(dataDir.resolve("sparql").resolve("log"), config));
        } catch (IOException | RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    public ChangeLog propertyGraph() {
        return propertyGraph;
    }

    public ChangeLog sparql() {
        return sparql;
    }

    /** Empties both logs; each restarts at commitNum 1. */
    public void reset() throws IOException {
        propertyGraph.reset();
        sparql.reset();
    }

    @Override
    public void close() throws IOException {
        try {
            propertyGraph.close();
        } finally {
            sparql.close();
        }
    }
}
