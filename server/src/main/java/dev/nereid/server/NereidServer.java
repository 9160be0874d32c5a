package dev.nereid.server;

import dev.nereid.graph.NereidGraph;
import dev.nereid.log.SnapshotSchedule;
import dev.nereid.log.ChangeLog;
import dev.nereid.log.CommitInfo;
import dev.nereid.log.LogConfig;
import dev.nereid.rdf.RdfStore;
import dev.nereid.server.auth.Authentication;
import dev.nereid.server.auth.SigV4Authentication;
import dev.nereid.server.gremlin.GremlinHttpRoute;
import dev.nereid.server.gremlin.GremlinWebSocket;
import dev.nereid.server.http.ConcurrencyLimit;
import dev.nereid.server.http.HttpDispatcher;
import dev.nereid.server.http.HttpPipeline;
import dev.nereid.server.http.RequestGate;
import dev.nereid.server.http.Route;
import dev.nereid.server.http.Router;
import dev.nereid.server.opencypher.OpenCypherRoute;
import dev.nereid.server.sparql.SparqlRoute;
import dev.nereid.server.status.StatusRoute;
import dev.nereid.server.stream.StreamLogs;
import dev.nereid.server.stream.StreamRoute;
import dev.nereid.server.system.DatabaseReset;
import dev.nereid.server.system.SystemRoute;
import dev.nereid.server.tls.TlsFiles;
import dev.nereid.stream.StreamFormat;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Nereid server: the change logs, the property graph and the RDF store over their logs, and every
 * route on one port, Gremlin's WebSocket included. {@link #start} returns once the port accepts requests;
 * {@link #close} stops accepting, drains requests and closes the engines and the logs.
 */
public final class NereidServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NereidServer.class);
    private static final String STOPPING = "Server is shutting down";


    private final ServerConfig config;
    private final StreamLogs logs;
    private final NereidGraph graph;
    private final RdfStore rdf;
    private final GremlinWebSocket gremlin;
    private final RequestGate gate;
    private final EventLoopGroup acceptors;
    private final EventLoopGroup io;
    private final ExecutorService workers;
    private final RetentionTask retention;
    private final List<SnapshotSchedule> snapshotSchedules;
    private final Channel channel;
    private final ChannelGroup connections;
    private boolean closed;

    private NereidServer(ServerConfig config, StreamLogs logs, NereidGraph graph, RdfStore rdf,
                         GremlinWebSocket gremlin, RequestGate gate, EventLoopGroup acceptors, EventLoopGroup io,
                         ExecutorService workers, RetentionTask retention, List<SnapshotSchedule> snapshotSchedules,
                         Channel channel, ChannelGroup connections) {
        this.config = config;
        this.logs = logs;
        this.graph = graph;
        this.rdf = rdf;
        this.gremlin = gremlin;
        this.gate = gate;
        this.acceptors = acceptors;
        this.io = io;
        this.workers = workers;
        this.retention = retention;
        this.snapshotSchedules = snapshotSchedules;
        this.channel = channel;
        this.connections = connections;
    }

    public static NereidServer start(ServerConfig config) throws IOException, InterruptedException {
        return start(config, Map.of());
    }

    /**
     * @param extraRoutes routes served beside Nereid's own, for benchmarks that need a baseline
     *                    endpoint in the same server; never used by {@code ./nereid serve}
     */
    public static NereidServer start(ServerConfig config, Map<String, Route> extraRoutes)
            throws IOException, InterruptedException {
        ServerSecurity security = config.security();
        // A bad certificate or key stops start-up here, before any log is opened.
        SslContext tls = security.tlsFiles().map(TlsFiles::load).orElse(null);
        Authentication authentication = security.authConfig()
                .<Authentication>map(auth -> new SigV4Authentication(auth, tls != null, config.clock()))
                .orElse(Authentication.NONE);
        Files.createDirectories(config.dataDir());
        LogConfig logConfig = LogConfig.defaults().withDurability(config.durability()).withClock(config.clock());
        StreamLogs logs = StreamLogs.open(config.dataDir(), logConfig);
        NereidGraph graph = null;
        RdfStore rdf = null;
        GremlinWebSocket gremlin = null;
        EventLoopGroup acceptors = null;
        EventLoopGroup io = null;
        ExecutorService workers = null;
        try {
            Path snapshots = config.dataDir().resolve("propertygraph").resolve("snapshots");
            Path rdfSnapshots = config.dataDir().resolve("sparql").resolve("snapshots");
            DatabaseReset.finishInterrupted(config.dataDir(), logs, snapshots, rdfSnapshots);
            graph = NereidGraph.open(logs.propertyGraph(), snapshots);
            LOG.info("property graph: {}", graph.startupReport());
            rdf = RdfStore.open(logs.sparql(), rdfSnapshots, config.sparqlLoadDirectory());
            LOG.info("rdf: {}", rdf.startupReport());
            RequestGate gate = new RequestGate();
            gremlin = GremlinWebSocket.start(graph, config.queryTimeout().toMillis(), gate, security.maxBodyBytes(),
                    authentication);
            DatabaseReset reset = new DatabaseReset(config.dataDir(), logs, graph, rdf, gate);
            SystemRoute system = new SystemRoute(reset, graph, rdf, config.clock());
            Router router = routes(config, logs, graph, rdf, system);
            extraRoutes.forEach(router::add);
            workers = requestWorkers();
            HttpDispatcher dispatcher = new HttpDispatcher(router, gate, Set.of(system), authentication, workers);
            ConcurrencyLimit limit = new ConcurrencyLimit(security.maxConcurrentRequests());
            ChannelHandler upgrades = gremlin.upgrades();

            acceptors = new NioEventLoopGroup(1);
            io = new NioEventLoopGroup();
            ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
            Channel channel = new ServerBootstrap()
                    .group(acceptors, io)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    // A client may send its request and shut its output; it still gets its answer.
                    .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            connections.add(ch);
                            if (tls != null) {
                                ch.pipeline().addLast("tls", tls.newHandler(ch.alloc()));
                            }
                            HttpPipeline.install(ch.pipeline(), limit, security.maxBodyBytes(),
                                    security.requestReadTimeout(), upgrades, dispatcher);
                        }
                    })
                    .bind(config.host(), config.port()).sync().channel();
            RetentionTask retention = RetentionTask.start(logs, config.streamsExpiry(), config.clock());
            List<SnapshotSchedule> snapshotSchedules = List.of(SnapshotSchedule.start(graph, config.snapshotInterval(), 1),
                    SnapshotSchedule.start(rdf, config.snapshotInterval(), 1));
            return new NereidServer(config, logs, graph, rdf, gremlin, gate, acceptors, io, workers, retention,
                    snapshotSchedules, channel, connections);
        } catch (IOException | InterruptedException | RuntimeException e) {
            shutdown(acceptors, io);
            stopWorkers(workers);
            if (gremlin != null) {
                gremlin.close();
            }
            if (rdf != null) {
                rdf.close();
            }
            if (graph != null) {
                graph.close();
            }
            logs.close();
            throw e;
        }
    }

    private static Router routes(ServerConfig config, StreamLogs logs, NereidGraph graph, RdfStore rdf,
                                 SystemRoute system) {
        Semaphore reads = new Semaphore(config.maxConcurrentStreamReads());
        Router router = new Router();
        for (Map.Entry<String, StreamFormat> pg : Map.of(
                "/propertygraph/stream", StreamFormat.PG_JSON,
                "/pg/stream", StreamFormat.PG_JSON,
                "/gremlin/stream", StreamFormat.GREMLIN_JSON).entrySet()) {
            router.addWithTrailingSlash(pg.getKey(), new StreamRoute(logs.propertyGraph(), pg.getValue(),
                    config.streamsEnabled(), config.streamsExpiry(), config.clock(), reads));
        }
        router.addWithTrailingSlash("/sparql/stream", new StreamRoute(logs.sparql(), StreamFormat.NQUADS,
                config.streamsEnabled(), config.streamsExpiry(), config.clock(), reads));
        router.add("/status", new StatusRoute(config.clock().instant(), config.streamsEnabled(),
                config.security().authConfig().isPresent(), config.queryTimeout().toMillis()));
        router.add("/system", system);
        router.add("/gremlin", GremlinHttpRoute.gremlin(graph, config.queryTimeout()));
        // Neptune documents /openCypher; the AWS SDKs post to /opencypher.
        OpenCypherRoute openCypher = new OpenCypherRoute(graph, config.queryTimeout(), config.clock());
        router.add("/openCypher", openCypher);
        router.add("/opencypher", openCypher);
        router.add("/sparql", new SparqlRoute(rdf, config.queryTimeout()));
        router.add("/", GremlinHttpRoute.root(graph, config.queryTimeout()));
        return router;
    }

    /** The port actually bound (the chosen one when started with port 0). */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public String host() {
        return config.host();
    }

    /** Whether the port speaks TLS (HTTPS and WSS). */
    public boolean secure() {
        return config.security().tlsFiles().isPresent();
    }

    /** The property-graph change log; the engines append to it, and so do tests. */
    public ChangeLog propertyGraphLog() {
        return logs.propertyGraph();
    }

    /** The RDF change log. */
    public ChangeLog sparqlLog() {
        return logs.sparql();
    }

    /** The property graph, as the Gremlin and openCypher endpoints see it. */
    public NereidGraph graph() {
        return graph;
    }

    /** The RDF store, as the SPARQL endpoint sees it. */
    public RdfStore rdf() {
        return rdf;
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close().syncUninterruptibly();
            gate.closeAndDrain(STOPPING);
            // Keep-alive connections must go before the executors their handlers run on.
            connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            retention.close();
            shutdown(acceptors, io);
            stopWorkers(workers);
            gremlin.close();
            // After the last request: the shutdown snapshot holds every commit, so the next start replays none.
            snapshotSchedules.forEach(SnapshotSchedule::close);
            graph.close();
            rdf.close();
            logs.close();
            LOG.info("Nereid stopped");
        }
    }

    /**
     * The pool HTTP requests run on, shared by every connection (each keeps its order through its own queue):
     * routes may block on the log and the engines, which an event loop must never do.
     */
    private static ExecutorService requestWorkers() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(Math.max(8, 4 * Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "nereid-request-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** After the event loops: the connections are closed, so no request is left to run but those running. */
    private static void stopWorkers(ExecutorService workers) {
        if (workers == null) {
            return;
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Shuts the event loop groups down together; the quiet period lets the last writes of closing channels in.
     */
    private static void shutdown(EventExecutorGroup... groups) {
        List<Future<?>> terminations = new ArrayList<>();
        for (EventExecutorGroup group : groups) {
            if (group != null) {
                terminations.add(group.shutdownGracefully(100, 2_000, TimeUnit.MILLISECONDS));
            }
        }
        terminations.forEach(Future::syncUninterruptibly);
    }
}
