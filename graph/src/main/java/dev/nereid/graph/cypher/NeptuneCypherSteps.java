package dev.nereid.graph.cypher;

import dev.nereid.graph.NereidGraph;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import org.apache.tinkerpop.gremlin.process.traversal.Step;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.step.Parameterizing;
import org.apache.tinkerpop.gremlin.process.traversal.step.TraversalParent;
import org.apache.tinkerpop.gremlin.process.traversal.step.map.AddEdgeStartStep;
import org.apache.tinkerpop.gremlin.process.traversal.step.map.AddEdgeStep;
import org.apache.tinkerpop.gremlin.process.traversal.step.map.AddVertexStartStep;
import org.apache.tinkerpop.gremlin.process.traversal.step.map.AddVertexStep;
import org.apache.tinkerpop.gremlin.process.traversal.step.map.LabelStep;
import org.apache.tinkerpop.gremlin.process.traversal.step.map.PropertiesStep;
import org.apache.tinkerpop.gremlin.process.traversal.step.sideEffect.AddPropertyStep;
import org.apache.tinkerpop.gremlin.process.traversal.util.TraversalHelper;
import org.apache.tinkerpop.gremlin.structure.T;

import java.util.ArrayList;
import java.util.List;

/**
 * Neptune's openCypher model on the translated traversal, before it runs:
 * <ul>
 *   <li>{@code `~id`} in a CREATE or MERGE map is the element's id, not a property
 *       ({@code id(n)} and {@code {`~id`: …}} in a MATCH already read TinkerPop's {@code ~id});</li>
 *   <li>the label markers of {@link CypherText} become {@link LabelChangeStep}s;</li>
 *   <li>{@code labels(n)} lists each of a multi-label vertex's labels ({@link SplitLabelsStep}).</li>
 * </ul>
 */
final class NeptuneCypherSteps {

    private static final String ID = T.id.getAccessor();

    private NeptuneCypherSteps() {
    }

    static void apply(Traversal.Admin<?, ?> traversal, NereidGraph graph) {
        for (Step<?, ?> step : new ArrayList<>(traversal.getSteps())) {
            if (step instanceof TraversalParent parent) {
                for (Traversal.Admin<?, ?> child : children(parent)) {
                    apply(child, graph);
                }
            }
            if (isCreation(step) && ((Parameterizing) step).getParameters().contains(ID)) {
                // property('~id', x) right after addE() was folded into it: make it the id.
                ((Parameterizing) step).getParameters().rename(ID, T.id);
            }
            if (step instanceof AddPropertyStep<?> write) {
                Object key = write.getParameters().getRaw().get(T.key).get(0);
                CypherText.LabelMarker marker = CypherText.LabelMarker.of(key);
                if (ID.equals(key)) {
                    moveIdToCreation(traversal, write);
                } else if (marker != null) {
                    TraversalHelper.replaceStep((Step) step, new LabelChangeStep<>(traversal, graph, marker, true), traversal);
                }
            } else if (step instanceof PropertiesStep<?> read && read.getPropertyKeys().length == 1) {
                String key = read.getPropertyKeys()[0];
                CypherText.LabelMarker marker = CypherText.LabelMarker.of(key);
                if (marker != null) {
                    TraversalHelper.replaceStep((Step) step, new LabelChangeStep<>(traversal, graph, marker, false), traversal);
                } else if (ID.equals(key)) {
                    throw new NereidException(ErrorCode.UNSUPPORTED_OPERATION,
                            "Use id(n) to read the ~id of a node or relationship");
                }
            } else if (step instanceof LabelStep<?>) {
                TraversalHelper.replaceStep((Step) step, new SplitLabelsStep(traversal), traversal);
            }
        }
    }

    private static boolean isCreation(Step<?, ?> step) {
        return step instanceof AddVertexStartStep || step instanceof AddVertexStep
                || step instanceof AddEdgeStep || step instanceof AddEdgeStartStep;
    }

    private static List<Traversal.Admin<?, ?>> children(TraversalParent parent) {
        List<Traversal.Admin<?, ?>> out = new ArrayList<>(parent.getGlobalChildren());
        out.addAll(parent.getLocalChildren());
        return out;
    }

    /** {@code addV().property(single,'~id',x)…} → {@code addV().property(id,x)…}; anywhere else it is an update. */
    private static void moveIdToCreation(Traversal.Admin<?, ?> traversal, AddPropertyStep<?> write) {
        Step<?, ?> creation = write.getPreviousStep();
        while (creation instanceof AddPropertyStep<?>) {
            creation = creation.getPreviousStep();
        }
        if (!isCreation(creation)) {
            throw new NereidException(ErrorCode.UNSUPPORTED_OPERATION,
                    "The ~id of a node or relationship is set when it is created and cannot be changed");
        }
        Object value = write.getParameters().getRaw().get(T.value).get(0);
        ((Parameterizing) creation).getParameters().set((TraversalParent) creation, T.id, value);
        traversal.removeStep(write);
    }
}
