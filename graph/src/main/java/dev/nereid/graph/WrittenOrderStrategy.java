package dev.nereid.graph;

import org.apache.tinkerpop.gremlin.process.traversal.Bytecode;
import org.apache.tinkerpop.gremlin.process.traversal.Step;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.TraversalStrategy;
import org.apache.tinkerpop.gremlin.process.traversal.step.Parameterizing;
import org.apache.tinkerpop.gremlin.process.traversal.step.map.AddEdgeStartStep;
import org.apache.tinkerpop.gremlin.process.traversal.step.map.AddEdgeStep;
import org.apache.tinkerpop.gremlin.process.traversal.step.map.AddVertexStartStep;
import org.apache.tinkerpop.gremlin.process.traversal.step.map.AddVertexStep;
import org.apache.tinkerpop.gremlin.process.traversal.step.util.WrittenOrder;
import org.apache.tinkerpop.gremlin.process.traversal.strategy.AbstractTraversalStrategy;

import java.util.ArrayList;
import java.util.List;

/**
 * Restores the written order of properties folded into {@code addV}/{@code addE} (see
 * {@link WrittenOrder}), reading it from the traversal's bytecode: the n-th {@code addV}/{@code addE}
 * instruction is the n-th add-step, and the {@code property} instructions right after it are its
 * properties in written order. If the two cannot be matched one to one, TinkerPop's order stays.
 */
final class WrittenOrderStrategy extends AbstractTraversalStrategy<TraversalStrategy.FinalizationStrategy>
        implements TraversalStrategy.FinalizationStrategy {

    private static final WrittenOrderStrategy INSTANCE = new WrittenOrderStrategy();

    private WrittenOrderStrategy() {
    }

    static WrittenOrderStrategy instance() {
        return INSTANCE;
    }

    @Override
    public void apply(Traversal.Admin<?, ?> traversal) {
        List<Parameterizing> adds = new ArrayList<>();
        for (Step<?, ?> step : traversal.getSteps()) {
            if (step instanceof AddVertexStartStep || step instanceof AddVertexStep
                    || step instanceof AddEdgeStartStep || step instanceof AddEdgeStep) {
                adds.add((Parameterizing) step);
            }
        }
        if (adds.isEmpty()) {
            return;
        }
        List<List<Object>> written = new ArrayList<>();
        List<Object> current = null;
        for (Bytecode.Instruction i : traversal.getBytecode().getStepInstructions()) {
            String op = i.getOperator();
            Object[] args = i.getArguments();
            if (op.equals("addV") || op.equals("addE")) {
                current = new ArrayList<>();
                written.add(current);
            } else if (current != null && op.equals("property")) {
                if (args.length >= 2 && args[0] instanceof String key && !current.contains(key)) {
                    current.add(key);
                }
            } else if (!(current != null && (op.equals("from") || op.equals("to")))) {
                current = null;
            }
        }
        if (written.size() != adds.size()) {
            return;
        }
        for (int n = 0; n < adds.size(); n++) {
            WrittenOrder.reorder(adds.get(n).getParameters(), written.get(n));
        }
    }
}
