package dev.nereid.server.gremlin;

import dev.nereid.graph.NereidGraph;
import dev.nereid.server.auth.Authentication;
import dev.nereid.server.auth.Caller;
import dev.nereid.server.http.ErrorResponses;
import dev.nereid.server.http.HttpPipeline;
import dev.nereid.server.http.RequestGate;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.AttributeKey;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tinkerpop.gremlin.server.AbstractChannelizer;
import org.apache.tinkerpop.gremlin.server.Settings;
import org.apache.tinkerpop.gremlin.server.util.ServerGremlinExecutor;
import org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1;
import org.apache.tinkerpop.gremlin.util.ser.GraphSONMessageSerializerV2;
import org.apache.tinkerpop.gremlin.util.ser.GraphSONMessageSerializerV3;
import org.apache.tinkerpop.gremlin.util.ser.GraphSONUntypedMessageSerializerV3;

/**
 * The Gremlin WebSocket endpoint ({@code /gremlin}, spec §9): TinkerPop's Gremlin Server machinery on
 * Nereid's port. A connection starts as HTTP in Nereid's pipeline; when a request upgrades to a
 * WebSocket on {@code /gremlin}, {@link #upgrades()} takes Nereid's HTTP handlers out, lets Gremlin
 * Server's WebSocket channelizer install its own, and hands it the request to complete the handshake.
 * From then on the connection is Gremlin Server's (see {@link NeptuneWebSocketChannelizer}).
 */
public final class GremlinWebSocket implements AutoCloseable {
    static final String PATH = "/gremlin";
    /** Who opened the connection, as its signed handshake showed; every request on it is held to that. */
    static final AttributeKey<Caller> CALLER = AttributeKey.valueOf("nereid.caller");

    private final ExecutorService gremlinPool;
    private final ScheduledExecutorService scheduler;
    private final NeptuneWebSocketChannelizer channelizer;
    private final Authentication authentication;
    private final Upgrades upgrades = new Upgrades();

    private GremlinWebSocket(ExecutorService gremlinPool, ScheduledExecutorService scheduler,
                             NeptuneWebSocketChannelizer channelizer, Authentication authentication) {
        this.gremlinPool = gremlinPool;
        this.scheduler = scheduler;
        this.channelizer = channelizer;
        this.authentication = authentication;
    }

    /**
     * @param evaluationTimeoutMillis how long one request may run (Neptune's query timeout)
     * @param gate                    turns requests away while the server stops or resets
     * @param maxBodyBytes            the largest request (frame) accepted
     * @param authentication          checks each handshake; requests on the connection are held to its caller
     */
    public static GremlinWebSocket start(NereidGraph graph, long evaluationTimeoutMillis, RequestGate gate,
                                         int maxBodyBytes, Authentication authentication) {
        int threads = Math.max(8, 2 * Runtime.getRuntime().availableProcessors());
        Settings settings = settings(threads, evaluationTimeoutMillis, maxBodyBytes);
        String handedOver = NereidGraphManager.handOver(graph);
        settings.graphs.put(NereidGraphManager.GRAPH, handedOver);
        // Gremlin Server's own choices: a bounded queue, and a request beyond it refused with 429.
        ExecutorService gremlinPool = new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.maxWorkQueueSize), named("nereid-gremlin-"),
                new ThreadPoolExecutor.AbortPolicy());
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, named("nereid-gremlin-timer-"));
        try {
            ServerGremlinExecutor executor = new ServerGremlinExecutor(settings, gremlinPool, scheduler);
            NeptuneScriptEngines.registerIn(executor.getGremlinExecutor().getScriptEngineManager());
            NeptuneWebSocketChannelizer channelizer = new NeptuneWebSocketChannelizer(gate);
            channelizer.init(executor);
            return new GremlinWebSocket(gremlinPool, scheduler, channelizer, authentication);
        } catch (RuntimeException e) {
            gremlinPool.shutdownNow();
            scheduler.shutdownNow();
            throw e;
        } finally {
            NereidGraphManager.withdraw(handedOver);
        }
    }

    /**
     * No script engine is listed: for each one listed, Gremlin Server caches TinkerPop's engine of that
     * name before Nereid's can be registered (see {@link NeptuneScriptEngines#registerIn}). Groovy is
     * never on the class path.
     */
    private static Settings settings(int threads, long evaluationTimeoutMillis, int maxBodyBytes) {
        Settings settings = new Settings();
        settings.scriptEngines = new HashMap<>();
        settings.graphs = new HashMap<>();
        settings.graphManager = NereidGraphManager.class.getName();
        settings.gremlinPool = threads;
        settings.evaluationTimeout = evaluationTimeoutMillis;
        settings.maxContentLength = maxBodyBytes;
        settings.serializers = List.of(
                serializer(GraphBinaryMessageSerializerV1.class.getName()),
                serializer(GraphSONMessageSerializerV3.class.getName()),
                serializer(GraphSONUntypedMessageSerializerV3.class.getName()),
                serializer(GraphSONMessageSerializerV2.class.getName()));
        return settings;
    }

    private static Settings.SerializerSettings serializer(String className) {
        Settings.SerializerSettings s = new Settings.SerializerSettings();
        s.className = className;
        s.config = Map.of();
        return s;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The handler that sees each whole HTTP request first and takes over WebSocket upgrades to {@code /gremlin}. */
    public ChannelHandler upgrades() {
        return upgrades;
    }

    /**
     * Stops evaluating: running requests are interrupted after a grace period. Close the connections
     * first: that ends their sessions, rolling their transactions back.
     */
    @Override
    public void close() {
        gremlinPool.shutdown();
        scheduler.shutdown();
        try {
            if (!gremlinPool.awaitTermination(5, TimeUnit.SECONDS)) {
                gremlinPool.shutdownNow();
            }
        } catch (InterruptedException e) {
            gremlinPool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        scheduler.shutdownNow();
    }

    static boolean isUpgrade(FullHttpRequest request) {
        return HttpMethod.GET.equals(request.method()) && PATH.equals(request.uri())
                && request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    @ChannelHandler.Sharable
    private final class Upgrades extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (!(msg instanceof FullHttpRequest request) || !isUpgrade(request)) {
                ctx.fireChannelRead(msg);
                return;
            }
            Optional<String> problem = UpgradeRequest.problem(request);
            if (problem.isPresent()) {
                request.release();
                FullHttpResponse refused = refusal(ErrorCode.BAD_REQUEST, problem.get());
                // RFC 6455 §4.4: a refused handshake names the version the server speaks.
                refused.headers().set(HttpHeaderNames.SEC_WEBSOCKET_VERSION, UpgradeRequest.VERSION);
                ctx.writeAndFlush(refused).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            // A handshake has no body to hash, so checking it here on the event loop costs microseconds.
            Caller caller;
            try {
                caller = authentication.authenticate(request, ctx.channel().remoteAddress());
            } catch (NereidException e) {
                request.release();
                ctx.writeAndFlush(refusal(e.errorCode(), e.detailedMessage())).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.channel().attr(CALLER).set(caller);
            ChannelPipeline pipeline = ctx.pipeline();
            HttpPipeline.remove(pipeline);
            channelizer.initChannel((SocketChannel) ctx.channel());
            // Gremlin Server's handshake handler follows its aggregator; the request is already whole.
            pipeline.context(AbstractChannelizer.PIPELINE_HTTP_AGGREGATOR).fireChannelRead(request);
        }

        /** A refused upgrade in Neptune's format; the connection closes after it. */
        private static FullHttpResponse refusal(ErrorCode code, String detailedMessage) {
            FullHttpResponse refused = ErrorResponses.of(code, detailedMessage, UUID.randomUUID().toString());
            refused.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            return refused;
        }
    }
}
