package dev.nereid.graph.cypher;

import dev.nereid.graph.NereidGraph;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.Traverser;
import org.apache.tinkerpop.gremlin.process.traversal.step.filter.FilterStep;
import org.apache.tinkerpop.gremlin.structure.Vertex;

import java.util.List;

/**
 * {@code SET n:L} or {@code REMOVE n:L}, standing where the translator put the write or removal of a
 * marker key (see {@link CypherText}). Where it replaces a property write it passes the element on, as
 * that step did; where it replaces a property lookup it yields nothing, so the drop after it drops nothing.
 */
final class LabelChangeStep<S> extends FilterStep<S> {

    private final transient NereidGraph graph;
    private final CypherText.LabelMarker change;
    private final boolean passOn;

    LabelChangeStep(Traversal.Admin<?, ?> traversal, NereidGraph graph, CypherText.LabelMarker change, boolean passOn) {
        super(traversal);
        this.graph = graph;
        this.change = change;
        this.passOn = passOn;
    }

    @Override
    protected boolean filter(Traverser.Admin<S> traverser) {
        if (!(traverser.get() instanceof Vertex vertex)) {
            throw new NereidException(ErrorCode.UNSUPPORTED_OPERATION,
                    "Labels belong to nodes: a relationship has exactly one type");
        }
        if (change.add()) {
            graph.addLabels(vertex, List.of(change.label()));
        } else {
            graph.removeLabels(vertex, List.of(change.label()));
        }
        return passOn;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + (change.add() ? "+" : "-") + change.label() + ")";
    }
}
