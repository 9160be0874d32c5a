package dev.nereid.server.gremlin;

import dev.nereid.graph.gremlin.NeptuneScriptEngineFactory;
import javax.script.Bindings;
import javax.script.ScriptContext;
import javax.script.ScriptException;
import org.apache.tinkerpop.gremlin.jsr223.GremlinLangScriptEngine;
import org.apache.tinkerpop.gremlin.jsr223.GremlinLangScriptEngineFactory;
import org.apache.tinkerpop.gremlin.jsr223.GremlinScriptEngine;
import org.apache.tinkerpop.gremlin.jsr223.GremlinScriptEngineFactory;
import org.apache.tinkerpop.gremlin.jsr223.GremlinScriptEngineManager;
import org.apache.tinkerpop.gremlin.process.traversal.Bytecode;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;

/**
 * The script engine Gremlin Server runs for every language name ({@link NeptuneScriptEngineFactory#LANGUAGES}):
 * the graph's Neptune engine, with its failures converted into {@link GremlinFailure}s. Without the
 * conversion a failed script would reach a branch of Gremlin Server that needs Groovy on the class path,
 * and its client would get no answer at all.
 */
final class NeptuneScriptEngines extends GremlinLangScriptEngineFactory {

    private final NeptuneScriptEngineFactory neptune = new NeptuneScriptEngineFactory();

    /**
     * Makes this engine answer every language a client may name in {@code manager}. Must run before the
     * manager is first asked for an engine by one of those names: it caches the engine it finds first.
     */
    static void registerIn(GremlinScriptEngineManager manager) {
        NeptuneScriptEngines factory = new NeptuneScriptEngines();
        for (String language : NeptuneScriptEngineFactory.LANGUAGES) {
            manager.registerEngineName(language, factory);
        }
    }

    @Override
    public GremlinScriptEngine getScriptEngine() {
        return new Engine(this, neptune.getScriptEngine());
    }

    /** Scripts and bytecode as the Neptune engine evaluates them; what fails, fails in Neptune's terms. */
    private static final class Engine extends GremlinLangScriptEngine {
        private final GremlinScriptEngineFactory factory;
        private final GremlinScriptEngine neptune;

        Engine(GremlinScriptEngineFactory factory, GremlinScriptEngine neptune) {
            this.factory = factory;
            this.neptune = neptune;
        }

        @Override
        public GremlinScriptEngineFactory getFactory() {
            return factory;
        }

        @Override
        public Object eval(String script, ScriptContext context) {
            try {
                return neptune.eval(script, context);
            } catch (ScriptException | RuntimeException | StackOverflowError e) {
                throw GremlinFailure.converted(e);
            }
        }

        @Override
        public Traversal.Admin<?, ?> eval(Bytecode bytecode, Bindings bindings, String traversalSource) {
            try {
                return neptune.eval(bytecode, bindings, traversalSource);
            } catch (ScriptException | RuntimeException | StackOverflowError e) {
                throw GremlinFailure.converted(e);
            }
        }
    }
}
