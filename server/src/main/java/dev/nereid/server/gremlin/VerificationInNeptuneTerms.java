package dev.nereid.server.gremlin;

import java.util.List;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.TraversalStrategies;
import org.apache.tinkerpop.gremlin.process.traversal.TraversalStrategy;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.strategy.AbstractTraversalStrategy;

/**
 * The graph's verification strategies (lambdas refused, Neptune's unsupported writes, TinkerPop's own
 * checks), run in their order, with what they refuse converted into a {@link GremlinFailure}. Gremlin
 * Server applies the strategies of a bytecode request outside any code Nereid can wrap, so the
 * conversion has to travel with the traversal source the requests use.
 */
final class VerificationInNeptuneTerms extends AbstractTraversalStrategy<TraversalStrategy.VerificationStrategy>
        implements TraversalStrategy.VerificationStrategy {

    private final List<TraversalStrategy<?>> verifications;

    private VerificationInNeptuneTerms(List<TraversalStrategy<?>> verifications) {
        this.verifications = verifications;
    }

    /** {@code g} with its verification strategies replaced by one that runs them all and converts their refusals. */
    @SuppressWarnings("unchecked") // removeStrategies takes a generic varargs array
    static GraphTraversalSource applyTo(GraphTraversalSource g) {
        List<TraversalStrategy<?>> verifications = g.getStrategies().toList().stream()
                .filter(s -> s instanceof TraversalStrategy.VerificationStrategy).toList();
        TraversalStrategies strategies = g.getStrategies().clone();
        for (TraversalStrategy<?> s : verifications) {
            strategies.removeStrategies(s.getClass());
        }
        strategies.addStrategies(new VerificationInNeptuneTerms(verifications));
        return new GraphTraversalSource(g.getGraph(), strategies);
    }

    @Override
    public void apply(Traversal.Admin<?, ?> traversal) {
        for (TraversalStrategy<?> verification : verifications) {
            try {
                verification.apply(traversal);
            } catch (RuntimeException e) {
                throw GremlinFailure.converted(e);
            }
        }
    }
}
