package dev.nereid.graph.compliance;

import com.google.inject.Inject;
import dev.nereid.graph.NereidGraph;
import io.cucumber.guice.ScenarioScoped;
import io.cucumber.java.AfterStep;
import org.apache.tinkerpop.gremlin.features.StepDefinition;

import java.lang.reflect.Field;

/**
 * Makes every scenario step one Neptune request: the graph initializer, the traversal under test and
 * each check run in their own transaction, which ends with the step — committed if the step's traversal
 * succeeded, rolled back if it raised an error. Nereid refuses unstorable data at commit (spec §5.1),
 * so without this a scenario could pass on writes Neptune would refuse.
 *
 * <p>TinkerPop's {@link StepDefinition} keeps the traversal's error in a private field and asserts on it
 * in a later step; a failed commit is put there, as the error of the request, and a traversal's error
 * means the request is rolled back.
 */
@ScenarioScoped
public final class RequestBoundary {

    private static final Field ERROR;

    static {
        try {
            ERROR = StepDefinition.class.getDeclaredField("error");
            ERROR.setAccessible(true);
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final NereidWorld world;
    private final StepDefinition steps;

    @Inject
    public RequestBoundary(NereidWorld world, StepDefinition steps) {
        this.world = world;
        this.steps = steps;
    }

    @AfterStep
    public void endRequest() throws IllegalAccessException {
        NereidGraph graph = world.graph();
        if (graph == null || !graph.tx().isOpen()) {
            return;
        }
        if (ERROR.get(steps) != null) {
            graph.tx().rollback();
            return;
        }
        try {
            graph.tx().commit();
        } catch (RuntimeException e) {
            ERROR.set(steps, e);
        }
    }
}
