package dev.nereid.server.gremlin;

import dev.nereid.server.http.RequestGate;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import org.apache.tinkerpop.gremlin.server.channel.WebSocketChannelizer;
import org.apache.tinkerpop.gremlin.server.util.ServerGremlinExecutor;

/**
 * Gremlin Server's WebSocket pipeline with Nereid's op selector, op executor and binary request decoder
 * in place of TinkerPop's, Nereid's error encoder just before response messages are serialized, and what Gremlin
 * Server's pipeline lacks: a frame aggregator, so a request split over continuation frames (RFC 6455 lets
 * any client fragment) is decoded whole, and the ends of a connection ({@link WebSocketEnds}).
 */
final class NeptuneWebSocketChannelizer extends WebSocketChannelizer {
    private static final String BINARY_DECODER = "request-binary-decoder";
    private static final String RESPONSE_ENCODER = "response-frame-encoder";

    private final RequestGate gate;
    private final NeptuneErrorEncoder errors = new NeptuneErrorEncoder();
    private NeptuneOpSelector selector;
    private NeptuneOpExecutor executor;
    private NeptuneBinaryRequestDecoder binaryDecoder;
    private WebSocketEnds ends;

    NeptuneWebSocketChannelizer(RequestGate gate) {
        this.gate = gate;
    }

    @Override
    public void init(ServerGremlinExecutor serverGremlinExecutor) {
        super.init(serverGremlinExecutor);
        selector = new NeptuneOpSelector(settings, graphManager, gremlinExecutor, scheduledExecutorService, gate);
        executor = new NeptuneOpExecutor(settings, graphManager, gremlinExecutor, scheduledExecutorService);
        binaryDecoder = new NeptuneBinaryRequestDecoder(serializers);
        ends = new WebSocketEnds(settings.maxContentLength, settings.evaluationTimeout);
    }

    @Override
    public void finalize(ChannelPipeline pipeline) {
        pipeline.replace(PIPELINE_OP_SELECTOR, PIPELINE_OP_SELECTOR, selector);
        pipeline.replace(PIPELINE_OP_EXECUTOR, PIPELINE_OP_EXECUTOR, executor);
        pipeline.replace(BINARY_DECODER, BINARY_DECODER, binaryDecoder);
        // After the protocol handler, which answers pings and closes between a message's fragments.
        pipeline.addAfter(PIPELINE_REQUEST_HANDLER, "neptune-frame-aggregator",
                new WebSocketFrameAggregator(settings.maxContentLength));
        pipeline.addAfter(RESPONSE_ENCODER, "neptune-errors", errors);
        // First, so no handler keeps the event from it; last, so every failure no handler took reaches it.
        pipeline.addFirst("neptune-input-shutdown", ends.inputShutdown());
        pipeline.addLast("neptune-failures", ends.failures());
    }
}
