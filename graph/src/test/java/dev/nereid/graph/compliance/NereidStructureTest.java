package dev.nereid.graph.compliance;

import dev.nereid.graph.NereidGraph;
import org.apache.tinkerpop.gremlin.GraphProviderClass;
import org.apache.tinkerpop.gremlin.structure.StructureStandardSuite;
import org.junit.runner.RunWith;

/**
 * TinkerPop's JUnit structure suite (Graph, Vertex, Edge, properties, transactions, features, GraphSON
 * and GraphML round trips) against {@link NereidGraph}, through {@link NereidGraphProvider}; the tests
 * that do not apply are skipped with their reason ({@link StructureExclusions}).
 */
@RunWith(StructureStandardSuite.class)
@GraphProviderClass(provider = NereidGraphProvider.class, graph = NereidGraph.class)
public class NereidStructureTest {
}
