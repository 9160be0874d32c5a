package dev.nereid.server.gremlin;

import dev.nereid.server.http.RequestGate;
import io.netty.channel.ChannelPipeline;
import org.apache.tinkerpop.gremlin.server.channel.WebSocketChannelizer;
import org.apache.tinkerpop.gremlin.server.util.ServerGremlinExecutor;

/**
 * Gremlin Server's WebSocket pipeline with Nereid's op selector in place of TinkerPop's, and Nereid's
 * error encoder just before response messages are serialized.
 */
final class NeptuneWebSocketChannelizer extends WebSocketChannelizer {
    private final RequestGate gate;
    private final NeptuneErrorEncoder errors = new NeptuneErrorEncoder();
    private NeptuneOpSelector selector;

    NeptuneWebSocketChannelizer(RequestGate gate) {
        this.gate = gate;
    }

    @Override
    public void init(ServerGremlinExecutor serverGremlinExecutor) {
        super.init(serverGremlinExecutor);
        selector = new NeptuneOpSelector(settings, graphManager, gremlinExecutor, scheduledExecutorService, gate);
    }

    @Override
    public void finalize(ChannelPipeline pipeline) {
        pipeline.replace(PIPELINE_OP_SELECTOR, PIPELINE_OP_SELECTOR, selector);
        pipeline.addAfter("response-frame-encoder", "neptune-errors", errors);
    }
}
