package dev.nereid.graph.compliance;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Stage;
import io.cucumber.guice.CucumberModules;
import io.cucumber.junit.Cucumber;
import io.cucumber.junit.CucumberOptions;
import org.apache.tinkerpop.gremlin.features.AbstractGuiceFactory;
import org.apache.tinkerpop.gremlin.features.World;
import org.junit.runner.RunWith;

/**
 * TinkerPop's own provider tests — every Gherkin scenario of gremlin-test 3.7.5, with TinkerPop's
 * step definitions — run against {@link dev.nereid.graph.NereidGraph}, as tinkergraph-gremlin runs them
 * against TinkerGraph. {@link NereidWorld} gives each scenario a fresh graph; {@link RequestBoundary}
 * makes each step one Neptune request (one transaction); {@link Exclusions} skips, with its reason, each
 * scenario that tests what Neptune deliberately does differently. docs/gremlin-compliance.md has the
 * counts and the exclusion list.
 *
 * <p>JUnit 4 runner (Cucumber 6 as TinkerPop pins it), run by the JUnit Platform's vintage engine.
 */
@RunWith(Cucumber.class)
@CucumberOptions(
        glue = {"org.apache.tinkerpop.gremlin.features", "dev.nereid.graph.compliance"},
        objectFactory = NereidFeatureTest.NereidGuiceFactory.class,
        features = "classpath:/org/apache/tinkerpop/gremlin/test/features",
        plugin = "dev.nereid.graph.compliance.ComplianceSummary")
public class NereidFeatureTest {

    /** Cucumber's object factory: Guice, with the World bound to Nereid's. */
    public static final class NereidGuiceFactory extends AbstractGuiceFactory {
        public NereidGuiceFactory() {
            super(Guice.createInjector(Stage.PRODUCTION, CucumberModules.createScenarioModule(), new WorldModule()));
        }
    }

    static final class WorldModule extends AbstractModule {
        @Override
        protected void configure() {
            bind(World.class).to(NereidWorld.class);
        }
    }
}
