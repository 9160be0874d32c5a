package dev.nereid.bench.gremlin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.tinkerpop.gremlin.server.GremlinServer;
import org.apache.tinkerpop.gremlin.server.Settings;
import org.apache.tinkerpop.gremlin.server.channel.WsAndHttpChannelizer;
import org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1;

/**
 * The baseline, (c): TinkerPop's own Gremlin Server started from a {@link Settings} object, with
 * its defaults for everything that is not named here (thread pools, timeouts, batch sizes), so it
 * runs as a stock installation does. Only the {@code gremlin-lang} script engine is available (Groovy
 * is not on the class path) and only GraphBinary is offered, which is what the benchmark's clients speak.
 */
final class StockGremlinServer implements AutoCloseable {
    private final GremlinServer server;

    private StockGremlinServer(GremlinServer server) {
        this.server = server;
    }

    /** @param transactional serve a TinkerTransactionGraph instead of the plain TinkerGraph */
    static StockGremlinServer start(String host, int port, boolean transactional) throws Exception {
        Settings settings = new Settings();
        settings.host = host;
        settings.port = port;
        settings.channelizer = WsAndHttpChannelizer.class.getName();
        settings.graphManager = (transactional ? StockGraphManager.Transactional.class : StockGraphManager.class)
                .getName();
        settings.graphs = Map.of();
        // gremlin-lang needs no entry: Gremlin Server finds it through its ServiceLoader factory. Naming it
        // here would make 3.7.5 register script-engine metrics behind an instanceof GremlinGroovyScriptEngine,
        // which fails without Groovy on the class path. Groovy's own factory is never asked for.
        settings.scriptEngines = Map.of();
        Settings.SerializerSettings graphBinary = new Settings.SerializerSettings();
        graphBinary.className = GraphBinaryMessageSerializerV1.class.getName();
        settings.serializers = List.of(graphBinary);
        GremlinServer server = new GremlinServer(settings);
        server.start().get(30, TimeUnit.SECONDS);
        return new StockGremlinServer(server);
    }

    @Override
    public void close() throws Exception {
        server.stop().get(30, TimeUnit.SECONDS);
    }
}
