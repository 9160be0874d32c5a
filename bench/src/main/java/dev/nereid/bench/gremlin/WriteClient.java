package dev.nereid.bench.gremlin;

import static org.apache.tinkerpop.gremlin.process.traversal.AnonymousTraversalSource.traversal;

import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.tinkerpop.gremlin.driver.Client;
import org.apache.tinkerpop.gremlin.driver.Cluster;
import org.apache.tinkerpop.gremlin.driver.RequestOptions;
import org.apache.tinkerpop.gremlin.driver.Result;
import org.apache.tinkerpop.gremlin.driver.remote.DriverRemoteConnection;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1;

/**
 * One application talking to one server: its own {@link Cluster} with exactly one WebSocket
 * connection, GraphBinary, sessionless requests. Every client of every server is built the same
 * way, so the servers are the only difference.
 */
final class WriteClient implements AutoCloseable {
    private static final RequestOptions GREMLIN_LANG = RequestOptions.build().language("gremlin-lang").create();

    private final Cluster cluster;
    private final Client client;
    private final GraphTraversalSource g;
    private final RequestStyle style;

    /** How the mutation travels: as a GLV's bytecode or as a gremlin-lang script string. */
    enum RequestStyle { BYTECODE, SCRIPT }

    WriteClient(String host, int port, RequestStyle style) {
        this.style = style;
        this.cluster = Cluster.build(host).port(port)
                .serializer(new GraphBinaryMessageSerializerV1())
                .minConnectionPoolSize(1).maxConnectionPoolSize(1)
                // One request at a time per client: its own I/O thread and result thread are plenty.
                .nioPoolSize(1).workerPoolSize(1)
                .create();
        try {
            // Connect now, so a server that cannot speak Gremlin fails the set-up, not the first timed write.
            this.client = cluster.connect().init();
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        this.g = traversal().withRemote(DriverRemoteConnection.using(client, "g"));
    }

    /**
     * Creates one vertex with a caller-unique id and two properties, one transaction, and returns
     * once the server has acknowledged it. A failure is thrown, never counted as a write.
     */
    void addPerson(String id, String name, int age) throws ExecutionException, InterruptedException {
        switch (style) {
            case BYTECODE -> g.addV("person").property(T.id, id).property("name", name).property("age", age).iterate();
            case SCRIPT -> client.submit("g.addV('person').property(T.id, '" + id + "').property('name', '" + name
                    + "').property('age', " + age + ")", GREMLIN_LANG).all().get();
        }
    }

    /** The vertices the server holds, as a client sees them. */
    long countVertices() throws ExecutionException, InterruptedException {
        List<Result> results = client.submit("g.V().count()", GREMLIN_LANG).all().get();
        return results.get(0).getLong();
    }

    @Override
    public void close() {
        cluster.close();
    }
}
