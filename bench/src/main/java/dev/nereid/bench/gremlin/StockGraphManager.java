package dev.nereid.bench.gremlin;

import org.apache.tinkerpop.gremlin.server.Settings;
import org.apache.tinkerpop.gremlin.server.util.DefaultGraphManager;
import org.apache.tinkerpop.gremlin.structure.Graph;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerTransactionGraph;

/**
 * The baseline's graphs: one empty in-memory {@link TinkerGraph} named {@code graph}, with its
 * traversal source bound as {@code g}. A stock server binds {@code g} in a Groovy init script; with
 * Groovy kept off the class path (gremlin-lang only) this constructor does the same thing, and
 * Gremlin Server instantiates it by name from {@link Settings#graphManager}.
 */
public class StockGraphManager extends DefaultGraphManager {

    public StockGraphManager(Settings settings) {
        this(settings, TinkerGraph.open());
    }

    private StockGraphManager(Settings settings, Graph graph) {
        super(settings);
        putGraph("graph", graph);
        putTraversalSource("g", graph.traversal());
    }

    /** The same over {@link TinkerTransactionGraph}: Gremlin Server commits each sessionless request. */
    public static final class Transactional extends StockGraphManager {

        public Transactional(Settings settings) {
            super(settings, TinkerTransactionGraph.open());
        }
    }
}
