package dev.nereid.bench.fuzz;

import static org.apache.tinkerpop.gremlin.process.traversal.AnonymousTraversalSource.traversal;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tinkerpop.gremlin.driver.Client;
import org.apache.tinkerpop.gremlin.driver.Cluster;
import org.apache.tinkerpop.gremlin.driver.HandshakeInterceptor;
import org.apache.tinkerpop.gremlin.driver.exception.ResponseException;
import org.apache.tinkerpop.gremlin.driver.remote.DriverRemoteConnection;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1;

/** TinkerPop's own driver, as applications connect: scripts through a client, bytecode through a remote source. */
public final class GremlinDriver implements AutoCloseable {
    /** Bytecode traversals a {@link DriverCase} may name. */
    public static final int BYTECODES = 3;

    private final Cluster cluster;
    private final Client client;
    private final GraphTraversalSource g;
    private final int timeoutMillis;

    public GremlinDriver(String host, int port, int timeoutMillis, HandshakeInterceptor handshake) {
        this.cluster = Cluster.build(host).port(port).serializer(new GraphBinaryMessageSerializerV1())
                .maxWaitForConnection(timeoutMillis).handshakeInterceptor(handshake).create();
        this.client = cluster.connect();
        this.g = traversal().withRemote(DriverRemoteConnection.using(cluster));
        this.timeoutMillis = timeoutMillis;
    }

    /** The script client, for checks that read its results. */
    public Client client() {
        return client;
    }

    public Verdict send(DriverCase c) throws InterruptedException {
        try {
            if (c.script() != null) {
                client.submit(c.script()).all().get(timeoutMillis, TimeUnit.MILLISECONDS);
            } else {
                bytecode(c.bytecode());
            }
            return new Verdict("driver ok", 2, false, List.of());
        } catch (ExecutionException e) {
            return failed(e.getCause());
        } catch (TimeoutException e) {
            return new Verdict("driver timeout", 0, true, List.of("no answer within " + timeoutMillis + " ms"));
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    private void bytecode(int which) {
        switch (which) {
            case 0 -> g.V().count().next();
            case 1 -> g.V().limit(3).valueMap(true).toList();
            default -> g.addV("driver").property(T.id, "drv-" + System.nanoTime()).property("n", which).iterate();
        }
    }

    private static Verdict failed(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ResponseException r) {
                return WsResponses.judge(r.getResponseStatusCode().getValue(), r.getMessage(), true, "driver ");
            }
        }
        return new Verdict("driver error", 0, true, List.of("the driver failed: " + t));
    }

    @Override
    public void close() {
        cluster.close();
    }
}
