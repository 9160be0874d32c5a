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
import org.apache.tinkerpop.gremlin.process.traversal.step.sideEffect.AddPropertyStep;
import org.apache.tinkerpop.gremlin.process.traversal.strategy.AbstractTraversalStrategy;
import org.apache.tinkerpop.gremlin.process.traversal.util.TraversalHelper;
import org.apache.tinkerpop.gremlin.structure.T;

import java.util.ArrayList;
import java.util.List;

/**
 * Restores the written order of properties folded into {@code addV}/{@code addE} (see
 * {@link WrittenOrder}), reading it from the traversal's bytecode: the n-th {@code addV}/{@code addE}
 * instruction is the n-th add-step, and the {@code property} instructions right after it are its
 * properties in written order. If the two cannot be matched one to one, TinkerPop's order stays.
 *
 * <p>Edges need more: TinkerGraph holds an edge's properties in a hash map whatever the order they
 * arrive in, so a {@link RecordEdgeKeysStep} after each edge-writing step notes the written order in
 * the graph's {@link EdgeKeyHints} for change capture.
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
        List<AddPropertyStep<?>> propertySteps = new ArrayList<>();
        for (Step<?, ?> step : traversal.getSteps()) {
            if (step instanceof AddVertexStartStep || step instanceof AddVertexStep
                    || step instanceof AddEdgeStartStep || step instanceof AddEdgeStep) {
                adds.add((Parameterizing) step);
            } else if (step instanceof AddPropertyStep<?> p) {
                propertySteps.add(p);
            }
        }
        EdgeKeyHints hints = traversal.getGraph().filter(NereidGraph.class::isInstance)
                .map(g -> ((NereidGraph) g).edgeKeyHints()).orElse(null);
        if (hints != null) {
            for (AddPropertyStep<?> p : propertySteps) {
                List<Object> key = p.getParameters().getRaw().get(T.key);
                if (key != null && key.size() == 1 && key.get(0) instanceof String k) {
                    TraversalHelper.insertAfterStep(new RecordEdgeKeysStep<>(traversal, List.of(k), hints), p, traversal);
                }
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
            Step<?, ?> add = (Step<?, ?>) adds.get(n);
            if (hints != null && (add instanceof AddEdgeStep || add instanceof AddEdgeStartStep)) {
                List<String> keys = new ArrayList<>();
                for (Object k : written.get(n)) {
                    keys.add((String) k);
                }
                TraversalHelper.insertAfterStep(new RecordEdgeKeysStep<>(traversal, keys, hints), add, traversal);
            }
        }
    }
}
