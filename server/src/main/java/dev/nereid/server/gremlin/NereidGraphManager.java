package dev.nereid.server.gremlin;

import dev.nereid.graph.NereidGraph;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.tinkerpop.gremlin.server.Settings;
import org.apache.tinkerpop.gremlin.server.util.DefaultGraphManager;

/**
 * Gremlin Server's view of Nereid's one graph: {@code graph}, and the traversal source {@code g} that
 * every request names. Gremlin Server creates its graph manager itself, by class name, from the
 * {@link Settings}; where it would read a graph's configuration file, this one takes the graph handed
 * over under that name in {@link #handOver} (several servers may run in one JVM, as the tests do).
 * Commits and rollbacks of sessionless requests go through the inherited methods to {@code graph.tx()}.
 */
public final class NereidGraphManager extends DefaultGraphManager {
    public static final String GRAPH = "graph";
    public static final String TRAVERSAL_SOURCE = "g";

    private static final Map<String, NereidGraph> HANDED_OVER = new ConcurrentHashMap<>();

    public NereidGraphManager(Settings settings) {
        super(settings);
    }

    /** Leaves {@code graph} for the manager Gremlin Server creates next; the name goes in {@code settings.graphs}. */
    static String handOver(NereidGraph graph) {
        String name = "nereid-" + UUID.randomUUID();
        HANDED_OVER.put(name, graph);
        return name;
    }

    /** Drops a graph no manager took, e.g. when Gremlin Server failed to start. */
    static void withdraw(String name) {
        HANDED_OVER.remove(name);
    }

    @Override
    protected void addGraph(String name, String handedOverAs) {
        NereidGraph graph = HANDED_OVER.remove(handedOverAs);
        if (graph == null) {
            throw new IllegalStateException("no graph was handed over as " + handedOverAs);
        }
        putGraph(name, graph);
        putTraversalSource(TRAVERSAL_SOURCE, VerificationInNeptuneTerms.applyTo(graph.traversal()));
    }
}
