package dev.nereid.graph;

import org.apache.tinkerpop.gremlin.tinkergraph.structure.AbstractTinkerGraph;

import java.util.UUID;

/**
 * Vertex and edge ids as Neptune has them: strings, user-supplied or generated in lowercase UUID form
 * (spec §5.1). Lookups by a non-string id use its string form, so {@code g.V(1)} finds vertex "1".
 * TinkerGraph instantiates this by class name from the graph configuration.
 */
@SuppressWarnings("rawtypes")
public final class NeptuneIdManager implements AbstractTinkerGraph.IdManager {

    @Override
    public Object getNextId(AbstractTinkerGraph graph) {
        return UUID.randomUUID().toString();
    }

    @Override
    public Object convert(Object id) {
        return id == null ? null : id.toString();
    }

    @Override
    public boolean allow(Object id) {
        return id instanceof String;
    }
}
