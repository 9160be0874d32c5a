package dev.nereid.graph.compliance;

import dev.nereid.graph.NereidGraph;
import dev.nereid.log.MemoryChangeLog;
import org.apache.commons.configuration2.Configuration;
import org.apache.tinkerpop.gremlin.AbstractGraphProvider;
import org.apache.tinkerpop.gremlin.LoadGraphWith;
import org.apache.tinkerpop.gremlin.structure.Element;
import org.apache.tinkerpop.gremlin.structure.Graph;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerEdge;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerElement;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerProperty;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerVertex;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerVertexProperty;
import org.apache.tinkerpop.gremlin.util.iterator.StoreIteratorCounter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The GraphProvider of TinkerPop's JUnit structure suite for Nereid: each graph name is one in-memory
 * log, so closing a graph and opening it again replays that log (persistence, as the features declare);
 * {@link #clear} forgets the log. Data sets load as in the Gherkin suite ({@link DataSets}).
 */
public final class NereidGraphProvider extends AbstractGraphProvider {

    /** Configuration key naming the log a graph is opened over. */
    static final String LOG_NAME = "nereid.test.log";

    private static final Map<String, MemoryChangeLog> LOGS = new ConcurrentHashMap<>();

    @SuppressWarnings("rawtypes")
    private static final Set<Class> IMPLEMENTATIONS = Set.of(NereidGraph.class, TinkerEdge.class, TinkerElement.class,
            TinkerProperty.class, TinkerVertex.class, TinkerVertexProperty.class);

    @Override
    public Map<String, Object> getBaseConfiguration(String graphName, Class<?> test, String testMethodName,
                                                    LoadGraphWith.GraphData loadGraphWith) {
        return Map.of(Graph.GRAPH, NereidGraphProvider.class.getName(), LOG_NAME, graphName);
    }

    /** What GraphFactory calls with the configuration above. */
    public static Graph open(Configuration configuration) {
        MemoryChangeLog log = LOGS.computeIfAbsent(configuration.getString(LOG_NAME, "default"), n -> new MemoryChangeLog());
        try {
            return NereidGraph.open(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void clear(Graph graph, Configuration configuration) throws Exception {
        if (graph != null) {
            graph.close();
        }
        if (configuration != null) {
            MemoryChangeLog log = LOGS.remove(configuration.getString(LOG_NAME, "default"));
            if (log != null) {
                log.close();
            }
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void loadGraphData(Graph graph, LoadGraphWith loadGraphWith, Class testClass, String testName) {
        if (loadGraphWith == null) {
            return;
        }
        DataSets.checkLoadable(loadGraphWith.value());
        DataSets.load(loadGraphWith.value(), (NereidGraph) graph);
    }

    /** Ids are strings: a test's numeric id 1 is "1". */
    @Override
    public Object convertId(Object id, Class<? extends Element> c) {
        return id.toString();
    }

    /** Skips the excluded tests before their graph is opened; checks for graph iterators left open. */
    @Override
    public Optional<TestListener> getTestListener() {
        return Optional.of(new TestListener() {
            @Override
            public void onTestStart(Class<?> test, String testName) {
                StructureExclusions.skipIfExcluded(test, testName);
            }

            /** TinkerPop fails a test that leaves a graph iterator open after polling for 8 minutes; this fails it at once. */
            @Override
            public void onTestEnd(Class<?> test, String testName) {
                long open = StoreIteratorCounter.INSTANCE.getOpenIteratorCount();
                if (open > 0) {
                    StoreIteratorCounter.INSTANCE.reset();
                    throw new AssertionError("Iterator leak detected. Open iterator count=" + open);
                }
            }
        });
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Set<Class> getImplementations() {
        return IMPLEMENTATIONS;
    }
}
