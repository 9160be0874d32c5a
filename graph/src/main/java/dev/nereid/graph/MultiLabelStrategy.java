package dev.nereid.graph;

import org.apache.tinkerpop.gremlin.process.traversal.Compare;
import org.apache.tinkerpop.gremlin.process.traversal.Contains;
import org.apache.tinkerpop.gremlin.process.traversal.P;
import org.apache.tinkerpop.gremlin.process.traversal.PBiPredicate;
import org.apache.tinkerpop.gremlin.process.traversal.Step;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.TraversalStrategy;
import org.apache.tinkerpop.gremlin.process.traversal.step.HasContainerHolder;
import org.apache.tinkerpop.gremlin.process.traversal.step.util.HasContainer;
import org.apache.tinkerpop.gremlin.process.traversal.strategy.AbstractTraversalStrategy;
import org.apache.tinkerpop.gremlin.structure.T;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Neptune's multi-label reads: a vertex added as {@code addV('A::B')} has the labels A and B, so
 * {@code hasLabel('A')} finds it (while {@code label()} still returns {@code "A::B"}). Rewrites label
 * equality and membership tests — {@code hasLabel}, {@code has(label, …)} with eq, neq, within,
 * without — to test each of the element's labels.
 */
final class MultiLabelStrategy extends AbstractTraversalStrategy<TraversalStrategy.ProviderOptimizationStrategy>
        implements TraversalStrategy.ProviderOptimizationStrategy {

    private static final MultiLabelStrategy INSTANCE = new MultiLabelStrategy();

    private MultiLabelStrategy() {
    }

    static MultiLabelStrategy instance() {
        return INSTANCE;
    }

    @Override
    public void apply(Traversal.Admin<?, ?> traversal) {
        for (Step<?, ?> step : traversal.getSteps()) {
            if (!(step instanceof HasContainerHolder holder)) {
                continue;
            }
            List<HasContainer> replaced = new ArrayList<>();
            List<HasContainer> replacements = new ArrayList<>();
            for (HasContainer c : holder.getHasContainers()) {
                if (!T.label.getAccessor().equals(c.getKey())) {
                    continue;
                }
                Object bi = c.getBiPredicate();
                PBiPredicate<Object, Object> labels;
                if (bi == Compare.eq || bi == Contains.within) {
                    labels = AnyLabel.ANY;
                } else if (bi == Compare.neq || bi == Contains.without) {
                    labels = AnyLabel.NONE;
                } else {
                    continue;
                }
                replaced.add(c);
                replacements.add(new HasContainer(c.getKey(), new P<>(labels, c.getPredicate().getValue())));
            }
            if (replaced.isEmpty()) {
                continue;
            }
            try {
                for (HasContainer c : replaced) {
                    holder.removeHasContainer(c);
                }
            } catch (UnsupportedOperationException e) {
                continue;
            }
            for (HasContainer c : replacements) {
                holder.addHasContainer(c);
            }
        }
    }

    /** Whether any of an element's labels is (ANY) or none is (NONE) the expected label or one of them. */
    enum AnyLabel implements PBiPredicate<Object, Object> {
        ANY {
            @Override
            public boolean test(Object label, Object expected) {
                return matches(label, expected);
            }

            @Override
            public PBiPredicate<Object, Object> negate() {
                return NONE;
            }
        },
        NONE {
            @Override
            public boolean test(Object label, Object expected) {
                return !matches(label, expected);
            }

            @Override
            public PBiPredicate<Object, Object> negate() {
                return ANY;
            }
        };

        private static boolean matches(Object label, Object expected) {
            if (!(label instanceof String l)) {
                return false;
            }
            List<String> labels = Labels.split(l);
            if (expected instanceof Collection<?> any) {
                for (Object e : any) {
                    if (labels.contains(e)) {
                        return true;
                    }
                }
                return false;
            }
            return labels.contains(expected);
        }
    }
}
