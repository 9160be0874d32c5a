package dev.nereid.graph;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import org.apache.tinkerpop.gremlin.process.traversal.Step;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.TraversalStrategy;
import org.apache.tinkerpop.gremlin.process.traversal.step.Parameterizing;
import org.apache.tinkerpop.gremlin.process.traversal.step.sideEffect.AddPropertyStep;
import org.apache.tinkerpop.gremlin.process.traversal.step.sideEffect.IoStep;
import org.apache.tinkerpop.gremlin.process.traversal.strategy.AbstractTraversalStrategy;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;

import java.util.List;
import java.util.Map;

/**
 * Refuses, before a traversal runs, the writes Neptune does not have (spec §5.1): {@code list}
 * cardinality, meta-properties, and a literal {@code null} property value (which TinkerGraph would
 * silently turn into a removal). What only shows at run time — a value computed by a child traversal —
 * is checked again at commit by {@link ElementImages}.
 */
final class NeptuneVerificationStrategy extends AbstractTraversalStrategy<TraversalStrategy.VerificationStrategy>
        implements TraversalStrategy.VerificationStrategy {

    private static final NeptuneVerificationStrategy INSTANCE = new NeptuneVerificationStrategy();

    private NeptuneVerificationStrategy() {
    }

    static NeptuneVerificationStrategy instance() {
        return INSTANCE;
    }

    @Override
    public void apply(Traversal.Admin<?, ?> traversal) {
        for (Step<?, ?> step : traversal.getSteps()) {
            if (step instanceof IoStep<?>) {
                // Reads and writes files on the server's disk: never a client's to ask for.
                throw new NereidException(ErrorCode.UNSUPPORTED_OPERATION, "The io() step is not supported");
            }
            if (step instanceof AddPropertyStep<?> add) {
                checkPropertyStep(add);
            } else if (step instanceof Parameterizing p) {
                for (Map.Entry<Object, List<Object>> e : p.getParameters().getRaw().entrySet()) {
                    checkValues(e.getKey(), e.getValue());
                }
            }
        }
    }

    private static void checkPropertyStep(AddPropertyStep<?> step) {
        Map<Object, List<Object>> raw = step.getParameters().getRaw();
        Object key = first(raw.get(T.key));
        String keyName = String.valueOf(key);
        if (step.getCardinality() == VertexProperty.Cardinality.list) {
            throw new NereidException(ErrorCode.UNSUPPORTED_OPERATION,
                    "Unsupported cardinality list for key '" + keyName + "': a key holds a set of values");
        }
        for (Object k : raw.keySet()) {
            if (k != T.key && k != T.value) {
                throw new NereidException(ErrorCode.UNSUPPORTED_OPERATION,
                        "Meta-properties are not supported: key '" + keyName + "'");
            }
        }
        checkValues(key, raw.get(T.value));
    }

    private static void checkValues(Object key, List<Object> values) {
        if (values == null || key instanceof T) {
            return;
        }
        for (Object v : values) {
            if (v == null) {
                throw StoredValues.unsupported(String.valueOf(key), null);
            }
        }
    }

    private static Object first(List<Object> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

}
