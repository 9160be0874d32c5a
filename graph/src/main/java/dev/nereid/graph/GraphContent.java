package dev.nereid.graph;

import dev.nereid.graph.capture.EdgeImage;
import dev.nereid.graph.capture.PgChange;
import dev.nereid.graph.capture.PropertyImage;
import dev.nereid.graph.capture.VertexImage;
import dev.nereid.stream.PgData;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerTxAccess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The committed graph as the ADD records that rebuild it: every vertex (by id) with its labels and its
 * values oldest first, then every edge oldest first with its properties oldest first. What a snapshot
 * holds, and what two graphs are compared by — order included, since order is what the stream shows.
 */
final class GraphContent {

    private GraphContent() {
    }

    /** Call while no commit is in flight (see {@link PgCommitter#quiesced}). */
    static List<PgChange> statements(TinkerTxAccess access, ElementImages images, EdgeAges ages) {
        List<VertexImage> vertices = new ArrayList<>();
        access.forEachCommittedVertex(v -> vertices.add(images.vertex(v)));
        vertices.sort(Comparator.comparing(VertexImage::id));
        List<EdgeImage> edges = new ArrayList<>();
        access.forEachCommittedEdge(e -> edges.add(images.edge(e)));
        edges.sort(Comparator.<EdgeImage>comparingLong(e -> ages.created(e.id())).thenComparing(EdgeImage::id));

        List<PgChange> out = new ArrayList<>();
        for (VertexImage v : vertices) {
            for (String label : v.labels()) {
                out.add(PgChange.add(PgData.vertexLabel(v.id(), label)));
            }
            for (PropertyImage p : v.properties()) {
                out.add(PgChange.add(PgData.vertexProperty(v.id(), p.key(), p.value())));
            }
        }
        for (EdgeImage e : edges) {
            out.add(PgChange.add(PgData.edge(e.id(), e.label(), e.from(), e.to())));
            for (PropertyImage p : e.properties()) {
                out.add(PgChange.add(PgData.edgeProperty(e.id(), p.key(), p.value())));
            }
        }
        return out;
    }
}
