package dev.nereid.graph;

import dev.nereid.graph.capture.EdgeImage;
import dev.nereid.graph.capture.PropertyImage;
import dev.nereid.graph.capture.VertexImage;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import org.apache.tinkerpop.gremlin.structure.Property;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerEdge;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerTxAccess;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerVertex;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads TinkerGraph elements as statement images, refusing what Neptune cannot store: meta-properties,
 * the same value twice under one key (list cardinality), values outside spec §2.2, vertices without a
 * label. Refusal happens at commit, before anything is written, so every path that writes — Gremlin
 * steps, the structure API, openCypher — is held to the same rules.
 */
final class ElementImages {

    private final EdgeAges ages;
    private final EdgeKeyHints hints;

    ElementImages(EdgeAges ages, EdgeKeyHints hints) {
        this.ages = ages;
        this.hints = hints;
    }

    VertexImage vertex(TinkerVertex v) {
        String id = (String) v.id();
        List<String> labels = Labels.split(v.label());
        if (labels.isEmpty()) {
            throw new NereidException(ErrorCode.MALFORMED_QUERY, "Vertex '" + id + "' must have at least one label");
        }
        List<VertexProperty<?>> props = new ArrayList<>();
        v.properties().forEachRemaining(props::add);
        props.sort((a, b) -> Long.compare(((Number) a.id()).longValue(), ((Number) b.id()).longValue()));
        List<PropertyImage> images = new ArrayList<>(props.size());
        Set<PropertyImage> seen = new HashSet<>();
        for (VertexProperty<?> p : props) {
            if (p.properties().hasNext()) {
                throw new NereidException(ErrorCode.UNSUPPORTED_OPERATION,
                        "Meta-properties are not supported: key '" + p.key() + "'");
            }
            PropertyImage image = new PropertyImage(p.key(), StoredValues.of(p.key(), p.value()));
            if (!seen.add(image)) {
                throw new NereidException(ErrorCode.UNSUPPORTED_OPERATION,
                        "Unsupported cardinality list for key '" + p.key() + "': a key holds a set of values");
            }
            images.add(image);
        }
        return new VertexImage(id, labels, images);
    }

    /** A committed edge: properties oldest first. */
    EdgeImage edge(TinkerEdge e) {
        return edge(e, List.of());
    }

    /**
     * An edge as the current transaction left it: the keys it wrote first, in written order, then the
     * others oldest first — the order its added values are listed in.
     */
    EdgeImage edgeInTransaction(TinkerEdge e) {
        return edge(e, hints.keysOf(e.id()));
    }

    private EdgeImage edge(TinkerEdge e, List<String> writtenFirst) {
        String id = (String) e.id();
        List<String> keys = new ArrayList<>();
        Iterator<? extends Property<?>> it = e.properties();
        List<Property<?>> props = new ArrayList<>();
        it.forEachRemaining(p -> {
            props.add(p);
            keys.add(p.key());
        });
        List<PropertyImage> images = new ArrayList<>(props.size());
        List<String> order = new ArrayList<>();
        for (String k : writtenFirst) {
            if (keys.contains(k)) {
                order.add(k);
            }
        }
        for (String k : ages.keyOrder(id, keys)) {
            if (!order.contains(k)) {
                order.add(k);
            }
        }
        for (String key : order) {
            Object value = e.value(key);
            images.add(new PropertyImage(key, StoredValues.of(key, value)));
        }
        return new EdgeImage(id, e.label(), (String) TinkerTxAccess.outVertexId(e),
                (String) TinkerTxAccess.inVertexId(e), images);
    }
}
