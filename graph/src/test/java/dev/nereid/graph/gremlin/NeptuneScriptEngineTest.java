package dev.nereid.graph.gremlin;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import org.apache.tinkerpop.gremlin.jsr223.GremlinScriptEngine;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph;
import org.junit.jupiter.api.Test;

import javax.script.Bindings;
import javax.script.SimpleBindings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What a script the engine cannot run tells the client, through the one mapping both endpoints use. */
class NeptuneScriptEngineTest {

    private final GraphTraversalSource g = TinkerGraph.open().traversal();

    private NereidException evaluateFails(String script) {
        return GremlinErrors.from(catchThrowable(() -> NeptuneScriptEngine.evaluate(g, script)));
    }

    /** Through the script engine, as Gremlin Server runs WebSocket scripts: bindings may name variables. */
    private NereidException evalFails(String script, Bindings bindings) {
        GremlinScriptEngine engine = new NeptuneScriptEngineFactory().getScriptEngine();
        bindings.put("g", g);
        return GremlinErrors.from(catchThrowable(() -> engine.eval(script, bindings)));
    }

    @Test
    void anUndefinedVariableIsAMalformedQueryNamingIt() {
        NereidException e = evaluateFails("g.V('x').property(singme,'age',1)");
        assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_QUERY);
        assertThat(e.detailedMessage()).isEqualTo("Failed to interpret Gremlin query: No variable found for singme");

        NereidException unbound = evalFails("g.V(x).property(singme,'age',1)",
                new SimpleBindings(new HashMap<>(Map.of("x", "v1"))));
        assertThat(unbound.errorCode()).isEqualTo(ErrorCode.MALFORMED_QUERY);
        assertThat(unbound.detailedMessage())
                .isEqualTo("Failed to interpret Gremlin query: No variable found for singme");
    }

    /** Found by the fuzzer: the grammar reads an empty last argument, and TinkerPop fails building the step. */
    @Test
    void aStepTinkerPopCannotBuildFromWhatTheGrammarReadIsAMalformedQuery() {
        NereidException e = evaluateFails("g.V('x').property(single,'age',)");
        assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_QUERY);
        assertThat(e.detailedMessage())
                .isEqualTo("Failed to interpret Gremlin query: a step was given arguments it cannot take");
    }

    @Test
    void aBoundVariableStillResolvesOverTheScriptEngine() throws Exception {
        g.addV("person").property(T.id, "v1").iterate();
        GremlinScriptEngine engine = new NeptuneScriptEngineFactory().getScriptEngine();
        Bindings bindings = new SimpleBindings(new HashMap<>(Map.of("g", g, "x", "v1")));
        assertThat(((Traversal<?, ?>) engine.eval("g.V(x).id()", bindings)).toList()).isEqualTo(List.of("v1"));
    }

    /**
     * Unchecked, 10,000 nested lists kept the parser busy for over a minute before it overflowed the stack,
     * deaf to the query timeout; refused before parsing, they cost a scan.
     */
    @Test
    void aScriptNestedTooDeeplyIsRefusedBeforeItIsParsed() {
        String lists = "g.inject(" + "[".repeat(10_000) + "1" + "]".repeat(10_000) + ")";
        String wheres = "g.V()" + ".where(__.out()".repeat(1_000) + ")".repeat(1_000);
        for (String script : List.of(lists, wheres)) {
            NereidException http = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> evaluateFails(script));
            assertThat(http.errorCode()).isEqualTo(ErrorCode.MALFORMED_QUERY);
            assertThat(http.detailedMessage())
                    .isEqualTo("The query is nested too deeply to parse (more than 100 levels)");
            NereidException ws = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> evalFails(script, new SimpleBindings()));
            assertThat(ws.errorCode()).isEqualTo(ErrorCode.MALFORMED_QUERY);
            assertThat(ws.detailedMessage())
                    .isEqualTo("The query is nested too deeply to parse (more than 100 levels)");
        }
    }

    @Test
    void aScriptAtTheLimitRuns() {
        String lists = "g.inject(" + "[".repeat(99) + "1" + "]".repeat(99) + ")";
        Object result = ((Traversal<?, ?>) NeptuneScriptEngine.evaluate(g, lists)).next();
        for (int i = 0; i < 99; i++) {
            assertThat(result).isInstanceOf(List.class);
            result = ((List<?>) result).get(0);
        }
        assertThat(result).isEqualTo(1);
    }
}
