package dev.nereid.graph;

import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.Traverser;
import org.apache.tinkerpop.gremlin.process.traversal.step.sideEffect.SideEffectStep;
import org.apache.tinkerpop.gremlin.structure.Edge;

import java.util.List;

/** Notes, for each edge passing by, the property keys the step before it wrote (see {@link EdgeKeyHints}). */
final class RecordEdgeKeysStep<S> extends SideEffectStep<S> {

    private final List<String> keys;
    private final EdgeKeyHints hints;

    RecordEdgeKeysStep(Traversal.Admin<?, ?> traversal, List<String> keys, EdgeKeyHints hints) {
        super(traversal);
        this.keys = List.copyOf(keys);
        this.hints = hints;
    }

    @Override
    protected void sideEffect(Traverser.Admin<S> traverser) {
        if (traverser.get() instanceof Edge e) {
            hints.record(e.id(), keys);
        }
    }
}
