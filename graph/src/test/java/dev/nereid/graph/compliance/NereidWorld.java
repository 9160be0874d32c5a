package dev.nereid.graph.compliance;

import dev.nereid.graph.NereidGraph;
import dev.nereid.log.MemoryChangeLog;
import io.cucumber.guice.ScenarioScoped;
import io.cucumber.java.Scenario;
import org.apache.tinkerpop.gremlin.LoadGraphWith.GraphData;
import org.apache.tinkerpop.gremlin.features.World;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.structure.Element;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The TinkerPop test World for Nereid: each scenario gets a new {@link NereidGraph} over a new in-memory
 * log, empty or loaded with one of TinkerPop's data sets (see {@link DataSets}), so no scenario sees
 * another's writes. Scenario-scoped: the step definitions and {@link RequestBoundary} share it.
 */
@ScenarioScoped
public final class NereidWorld implements World {

    private NereidGraph graph;
    private MemoryChangeLog log;

    @Override
    public void beforeEachScenario(Scenario scenario) {
        Exclusions.skipIfExcluded(scenario);
    }

    @Override
    public GraphTraversalSource getGraphTraversalSource(GraphData data) {
        if (graph != null) {
            throw new IllegalStateException("one graph per scenario");
        }
        if (data != null) {
            DataSets.checkLoadable(data);
        }
        try {
            log = new MemoryChangeLog();
            graph = NereidGraph.open(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (data != null) {
            DataSets.load(data, graph);
        }
        return graph.traversal();
    }

    /** The scenario's graph, or null before its Given step. */
    NereidGraph graph() {
        return graph;
    }

    /** Ids are strings: written in a script they need quotes, or the grammar would read a number. */
    @Override
    public String convertIdToScript(Object id, Class<? extends Element> type) {
        return "\"" + id.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void afterEachScenario() {
        if (graph == null) {
            return;
        }
        try {
            graph.close();
            log.close();
        } finally {
            graph = null;
            log = null;
        }
    }
}
