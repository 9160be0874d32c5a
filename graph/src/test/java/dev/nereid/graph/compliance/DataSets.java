package dev.nereid.graph.compliance;

import dev.nereid.graph.NereidGraph;
import org.apache.commons.configuration2.BaseConfiguration;
import org.apache.commons.configuration2.Configuration;
import org.apache.tinkerpop.gremlin.LoadGraphWith.GraphData;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.Element;
import org.apache.tinkerpop.gremlin.structure.Graph;
import org.apache.tinkerpop.gremlin.structure.Property;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;
import org.apache.tinkerpop.gremlin.structure.io.graphson.GraphSONMapper;
import org.apache.tinkerpop.gremlin.structure.io.graphson.GraphSONReader;
import org.apache.tinkerpop.gremlin.structure.io.graphson.GraphSONResourceAccess;
import org.apache.tinkerpop.gremlin.structure.io.graphson.GraphSONVersion;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.AbstractTinkerGraph;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerFactory;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph;
import org.apache.tinkerpop.gremlin.util.iterator.IteratorUtils;
import org.junit.AssumptionViolatedException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TinkerPop's test data sets, stored as Neptune stores them: each id becomes its string form ("1" for
 * marko), vertex properties keep set cardinality, everything else is copied as it is. The sets are
 * built once by {@link TinkerFactory} (the Grateful Dead graph from its GraphSON file) and copied into
 * each fresh graph in one transaction, elements and values in creation order.
 *
 * <p>The crew graph cannot be stored: its {@code location} values carry meta-properties
 * ({@code startTime}, {@code endTime}), which Neptune lacks. Its tests are skipped.
 */
final class DataSets {

    private static final Map<GraphData, Graph> SOURCES = new EnumMap<>(GraphData.class);

    private DataSets() {
    }

    static void checkLoadable(GraphData data) {
        if (data == GraphData.CREW) {
            throw new AssumptionViolatedException(Reason.META_PROPERTIES.skipMessage(
                    "the crew data set's location values carry meta-properties (startTime, endTime)"));
        }
    }

    static void load(GraphData data, NereidGraph target) {
        Graph source = source(data);
        Map<Object, Vertex> copies = new HashMap<>();
        for (Vertex v : inCreationOrder(IteratorUtils.list(source.vertices()))) {
            Vertex copy = target.addVertex(T.id, v.id().toString(), T.label, v.label());
            for (VertexProperty<?> p : inCreationOrder(IteratorUtils.list(v.properties()))) {
                copy.property(VertexProperty.Cardinality.set, p.key(), p.value());
            }
            copies.put(v.id(), copy);
        }
        for (Edge e : inCreationOrder(IteratorUtils.list(source.edges()))) {
            List<Object> keyValues = new ArrayList<>(List.of(T.id, e.id().toString()));
            for (Property<?> p : IteratorUtils.list(e.properties())) {
                keyValues.add(p.key());
                keyValues.add(p.value());
            }
            copies.get(e.outVertex().id()).addEdge(e.label(), copies.get(e.inVertex().id()), keyValues.toArray());
        }
        target.tx().commit();
    }

    private static synchronized Graph source(GraphData data) {
        return SOURCES.computeIfAbsent(data, d -> switch (d) {
            case MODERN -> TinkerFactory.createModern();
            case CLASSIC -> TinkerFactory.createClassic();
            case GRATEFUL -> gratefulDead();
            case SINK -> TinkerFactory.createKitchenSink();
            case CREW -> throw new IllegalArgumentException("the crew data set cannot be stored");
        });
    }

    /**
     * The Grateful Dead graph from its GraphSON file: TinkerFactory reads it from Gryo, whose Kryo
     * serializers need reflective access Java 17 denies without {@code --add-opens}.
     */
    private static Graph gratefulDead() {
        Configuration conf = new BaseConfiguration();
        conf.setProperty(AbstractTinkerGraph.GREMLIN_TINKERGRAPH_VERTEX_ID_MANAGER, AbstractTinkerGraph.DefaultIdManager.INTEGER.name());
        conf.setProperty(AbstractTinkerGraph.GREMLIN_TINKERGRAPH_EDGE_ID_MANAGER, AbstractTinkerGraph.DefaultIdManager.INTEGER.name());
        conf.setProperty(AbstractTinkerGraph.GREMLIN_TINKERGRAPH_VERTEX_PROPERTY_ID_MANAGER, AbstractTinkerGraph.DefaultIdManager.LONG.name());
        TinkerGraph graph = TinkerGraph.open(conf);
        try (InputStream in = GraphSONResourceAccess.class.getResourceAsStream("grateful-dead-v3.json")) {
            GraphSONReader.build().mapper(GraphSONMapper.build().version(GraphSONVersion.V3_0).create()).create()
                    .readGraph(in, graph);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    /** TinkerFactory's ids are numbers given in creation order. */
    private static <E extends Element> List<E> inCreationOrder(List<E> elements) {
        elements.sort(Comparator.comparingLong(e -> ((Number) e.id()).longValue()));
        return elements;
    }
}
