package dev.nereid.graph.gremlin;

import org.apache.tinkerpop.gremlin.jsr223.GremlinLangScriptEngineFactory;
import org.apache.tinkerpop.gremlin.jsr223.GremlinScriptEngine;

import java.util.List;

/**
 * Makes {@link NeptuneScriptEngine} the engine behind every language name a client may send: Gremlin
 * Server resolves a request without a {@code language} as {@code gremlin-groovy}, which the TinkerPop
 * drivers do by default, and Neptune answers those with its own grammar too.
 */
public final class NeptuneScriptEngineFactory extends GremlinLangScriptEngineFactory {

    /** The language names registered to this engine. */
    public static final List<String> LANGUAGES = List.of("gremlin-lang", "gremlin-groovy");

    @Override
    public GremlinScriptEngine getScriptEngine() {
        return new NeptuneScriptEngine(this);
    }
}
