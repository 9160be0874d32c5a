package dev.nereid.graph.gremlin;

import org.apache.tinkerpop.gremlin.jsr223.GremlinLangScriptEngine;
import org.apache.tinkerpop.gremlin.jsr223.GremlinScriptEngineFactory;
import org.apache.tinkerpop.gremlin.language.grammar.GremlinQueryParser;
import org.apache.tinkerpop.gremlin.language.grammar.VariableResolver;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;

import javax.script.ScriptContext;
import javax.script.ScriptException;
import java.util.Map;

/**
 * Gremlin scripts the Neptune way: parsed by the gremlin-lang grammar (never Groovy: no lambdas, no
 * arbitrary code), with every traversal of a multi-traversal script run (see {@link NeptuneScriptVisitor}).
 * Bytecode is translated as gremlin-lang does. A script nested too deeply is refused before it is parsed
 * ({@link ScriptNesting}).
 */
public final class NeptuneScriptEngine extends GremlinLangScriptEngine {

    private final GremlinScriptEngineFactory factory;

    NeptuneScriptEngine(GremlinScriptEngineFactory factory) {
        this.factory = factory;
    }

    @Override
    public GremlinScriptEngineFactory getFactory() {
        return factory;
    }

    @Override
    public Object eval(String script, ScriptContext context) throws ScriptException {
        Object g = context.getAttribute("g");
        if (!(g instanceof GraphTraversalSource source)) {
            throw new IllegalArgumentException("no graph traversal source is bound to g");
        }
        Map<String, Object> bindings = context.getBindings(ScriptContext.ENGINE_SCOPE);
        try {
            ScriptNesting.check(script);
            return GremlinQueryParser.parse(DecimalLiterals.asDoubles(script),
                    new NeptuneScriptVisitor(source, new VariableResolver.DefaultVariableResolver(bindings)));
        } catch (RuntimeException e) {
            throw new ScriptException(e);
        }
    }

    /** Runs a script outside any script-engine machinery (the HTTP endpoint): its last traversal is returned un-iterated. */
    public static Object evaluate(GraphTraversalSource g, String script) {
        ScriptNesting.check(script);
        return GremlinQueryParser.parse(DecimalLiterals.asDoubles(script),
                new NeptuneScriptVisitor(g, VariableResolver.NoVariableResolver.instance()));
    }
}
