package dev.nereid.server;

import static org.apache.tinkerpop.gremlin.process.traversal.AnonymousTraversalSource.traversal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.tinkerpop.gremlin.driver.Client;
import org.apache.tinkerpop.gremlin.driver.RequestOptions;
import org.apache.tinkerpop.gremlin.driver.Cluster;
import org.apache.tinkerpop.gremlin.driver.Result;
import org.apache.tinkerpop.gremlin.driver.exception.ResponseException;
import org.apache.tinkerpop.gremlin.driver.remote.DriverRemoteConnection;
import org.apache.tinkerpop.gremlin.process.traversal.Bytecode;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.structure.Transaction;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.util.MessageSerializer;
import org.apache.tinkerpop.gremlin.util.Tokens;
import org.apache.tinkerpop.gremlin.util.function.Lambda;
import org.apache.tinkerpop.gremlin.util.message.ResponseStatusCode;
import org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1;
import org.apache.tinkerpop.gremlin.util.ser.GraphSONMessageSerializerV3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gremlin over WebSocket on Nereid's port, with TinkerPop's own Java driver in its two wire formats:
 * scripts, bytecode, remote transactions, and Neptune's errors, each checked against the exact records
 * the property-graph stream serves afterwards.
 */
class GremlinWebSocketIT {
    @TempDir
    Path dir;
    TestServer server;
    Cluster cluster;

    static Stream<MessageSerializer<?>> serializers() {
        return Stream.of(new GraphBinaryMessageSerializerV1(), new GraphSONMessageSerializerV3());
    }

    private Client connect(MessageSerializer<?> serializer) {
        server = TestServer.start(dir);
        cluster = Cluster.build("127.0.0.1").port(server.server.port()).serializer(serializer).create();
        return cluster.connect();
    }

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void aScriptIsOneCommitAndItsResultComesBack(MessageSerializer<?> serializer) throws Exception {
        Client client = connect(serializer);
        List<Result> added = client.submit("g.addV('person').property(id,'a').property('name','x')").all().get();
        assertThat(added).hasSize(1);
        assertThat(added.get(0).getVertex().id()).isEqualTo("a");
        assertThat(added.get(0).getVertex().label()).isEqualTo("person");
        assertThat(server.lastPgCommit()).isEqualTo(1);
        assertThat(server.pgCommit(1)).containsExactly("1 ADD vl a label person", "2 ADD vp a name \"x\" *");

        assertThat(client.submit("g.V('a').values('name')").all().get()).extracting(Result::getString)
                .containsExactly("x");
        assertThat(server.lastPgCommit()).as("a read commits nothing").isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void everyTraversalOfAScriptRunsInOneCommit(MessageSerializer<?> serializer) throws Exception {
        Client client = connect(serializer);
        List<Result> last = client.submit("g.addV('person').property(id,'m1');"
                + "g.addV('person').property(id,'m2')\ng.V().hasLabel('person').count()").all().get();
        assertThat(last).extracting(Result::getLong).containsExactly(2L);
        assertThat(server.lastPgCommit()).isEqualTo(1);
        assertThat(server.pgCommit(1)).containsExactly("1 ADD vl m1 label person", "2 ADD vl m2 label person *");
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void bytecodeWritesAndReads(MessageSerializer<?> serializer) {
        connect(serializer);
        GraphTraversalSource g = traversal().withRemote(DriverRemoteConnection.using(cluster));
        Vertex v = g.addV("person").property(T.id, "b").property("age", 29).next();
        assertThat(v.id()).isEqualTo("b");
        g.addV("person").property(T.id, "c").as("c").V("b").addE("knows").to("c").property(T.id, "e1").iterate();
        assertThat(server.pgCommit(1)).containsExactly("1 ADD vl b label person", "2 ADD vp b age 29 Int *");
        assertThat(server.pgCommit(2)).containsExactly("1 ADD vl c label person",
                "2 ADD e e1 label knows b→c *");
        assertThat(g.V("b").out("knows").id().toList()).containsExactly("c");
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void aRemoteTransactionIsOneCommitWhenItCommits(MessageSerializer<?> serializer) throws Exception {
        connect(serializer);
        GraphTraversalSource g = traversal().withRemote(DriverRemoteConnection.using(cluster));
        Transaction tx = g.tx();
        GraphTraversalSource gtx = tx.begin();
        gtx.addV("person").property(T.id, "t1").iterate();
        gtx.V("t1").property("name", "ann").iterate();
        gtx.addV("person").property(T.id, "t2").iterate();
        assertThat(g.V("t1").hasNext()).as("invisible before the commit").isFalse();
        assertThat(server.lastPgCommit()).isZero();
        tx.commit();
        assertThat(server.lastPgCommit()).isEqualTo(1);
        assertThat(server.pgCommit(1)).containsExactly("1 ADD vl t1 label person", "2 ADD vl t2 label person",
                "3 ADD vp t1 name \"ann\" *");
        assertThat(g.V("t1").values("name").toList()).containsExactly("ann");
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void aRemoteTransactionThatRollsBackLeavesNothing(MessageSerializer<?> serializer) throws Exception {
        connect(serializer);
        GraphTraversalSource g = traversal().withRemote(DriverRemoteConnection.using(cluster));
        Transaction tx = g.tx();
        GraphTraversalSource gtx = tx.begin();
        gtx.addV("person").property(T.id, "r1").iterate();
        assertThat(gtx.V("r1").count().next()).as("seen inside the transaction").isEqualTo(1L);
        tx.rollback();
        assertThat(g.V("r1").hasNext()).isFalse();
        assertThat(g.V().count().next()).isZero();
        assertThat(server.lastPgCommit()).isZero();
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void aSyntaxErrorIsAMalformedQueryAndWritesNothing(MessageSerializer<?> serializer) throws Exception {
        Client client = connect(serializer);
        client.submit("g.addV('person').property(id,'a')").all().get();
        UUID requestId = UUID.randomUUID();
        Throwable failure = catchThrowable(() -> client.submit("g.addV('person').property(id,'z');g.V(",
                RequestOptions.build().overrideRequestId(requestId).create()).all().get());
        assertThat(NeptuneError.of(failure)).isEqualTo(new NeptuneError(
                ResponseStatusCode.REQUEST_ERROR_INVALID_REQUEST_ARGUMENTS, "MalformedQueryException",
                "Failed to interpret Gremlin query: Query parsing failed at line 1, character position at 38, "
                        + "error message : no viable alternative at input 'g.V('"));
        assertThat(NeptuneError.requestIdOf(failure)).isEqualTo(requestId.toString());
        assertThat(server.lastPgCommit()).isEqualTo(1);
        assertThat(client.submit("g.V().id()").all().get()).extracting(Result::getString).containsExactly("a");
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void aLambdaIsRefusedAsAMalformedQuery(MessageSerializer<?> serializer) {
        connect(serializer);
        GraphTraversalSource g = traversal().withRemote(DriverRemoteConnection.using(cluster));
        g.addV("person").property(T.id, "a").iterate();
        Throwable failure = catchThrowable(() -> g.V().map(Lambda.function("it.get()")).toList());
        assertThat(NeptuneError.of(failure)).isEqualTo(new NeptuneError(
                ResponseStatusCode.REQUEST_ERROR_INVALID_REQUEST_ARGUMENTS, "MalformedQueryException",
                "The provided traversal contains a lambda step: LambdaMapStep(lambda[it.get()])"));
        Throwable inScript = catchThrowable(() -> cluster.connect().submit("g.V().map{it.get()}").all().get());
        assertThat(NeptuneError.of(inScript).detailedMessage()).isEqualTo("Failed to interpret Gremlin query: "
                + "Query parsing failed at line 1, character position at 9, error message : no viable alternative "
                + "at input 'g.V().map{'");
        assertThat(server.lastPgCommit()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void addingAnExistingVertexIsAConstraintViolation(MessageSerializer<?> serializer) throws Exception {
        Client client = connect(serializer);
        client.submit("g.addV('person').property(id,'a')").all().get();
        NeptuneError script = NeptuneError.of(catchThrowable(() ->
                client.submit("g.addV('person').property(id,'a').property('name','y')").all().get()));
        assertThat(script.code()).isEqualTo("ConstraintViolationException");
        assertThat(script.detailedMessage()).isEqualTo("Vertex with id already exists: a");
        GraphTraversalSource g = traversal().withRemote(DriverRemoteConnection.using(cluster));
        NeptuneError bytecode = NeptuneError.of(catchThrowable(() -> g.addV("person").property(T.id, "a").iterate()));
        assertThat(bytecode).isEqualTo(new NeptuneError(ResponseStatusCode.REQUEST_ERROR_INVALID_REQUEST_ARGUMENTS,
                "ConstraintViolationException", "Vertex with id already exists: a"));
        assertThat(server.lastPgCommit()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void aValueNeptuneCannotStoreIsRefusedAtCommit(MessageSerializer<?> serializer) {
        connect(serializer);
        GraphTraversalSource g = traversal().withRemote(DriverRemoteConnection.using(cluster));
        NeptuneError sessionless = NeptuneError.of(catchThrowable(() ->
                g.addV("person").property(T.id, "l").property("k", List.of(1, 2)).iterate()));
        assertThat(sessionless).isEqualTo(new NeptuneError(ResponseStatusCode.REQUEST_ERROR_INVALID_REQUEST_ARGUMENTS,
                "UnsupportedOperationException", "Unsupported property value type ArrayList for key 'k'"));
        Transaction tx = g.tx();
        GraphTraversalSource gtx = tx.begin();
        gtx.addV("person").property(T.id, "l").property("k", List.of(1, 2)).iterate();
        NeptuneError atCommit = NeptuneError.of(catchThrowable(tx::commit));
        assertThat(atCommit).isEqualTo(sessionless);
        assertThat(g.V().count().next()).isZero();
        assertThat(server.lastPgCommit()).isZero();
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void aSessionRunsScriptsWithNeptunesGrammarInItsOwnTransaction(MessageSerializer<?> serializer) throws Exception {
        connect(serializer);
        Client session = cluster.connect(UUID.randomUUID().toString());
        session.submit("g.addV('person').property(id,'s1');g.addV('person').property(id,'s2')").all().get();
        assertThat(session.submit("g.V().count()").all().get()).extracting(Result::getLong).containsExactly(2L);
        assertThat(server.lastPgCommit()).as("open until the session commits").isZero();
        NeptuneError error = NeptuneError.of(catchThrowable(() -> session.submit("g.V(").all().get()));
        assertThat(error.code()).isEqualTo("MalformedQueryException");
        session.submit("g.tx().commit()").all().get();
        assertThat(server.pgCommit(1)).containsExactly("1 ADD vl s1 label person", "2 ADD vl s2 label person *");
        session.close();
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void anUnknownBytecodeStepIsAMalformedQuery(MessageSerializer<?> serializer) {
        connect(serializer);
        GraphTraversalSource g = traversal().withRemote(DriverRemoteConnection.using(cluster));
        Bytecode bytecode = g.addV("person").property(T.id, "u").asAdmin().getBytecode();
        bytecode.addStep("noSuchStep", "x");
        NeptuneError error = NeptuneError.of(catchThrowable(() -> cluster.connect().alias("g").submit(bytecode).all().get()));
        assertThat(error.status()).isEqualTo(ResponseStatusCode.REQUEST_ERROR_INVALID_REQUEST_ARGUMENTS);
        assertThat(error.code()).isEqualTo("MalformedQueryException");
        assertThat(error.detailedMessage()).isEqualTo("Could not locate method: DefaultGraphTraversal.noSuchStep(String)");
        assertThat(server.lastPgCommit()).isZero();
    }

    @Test
    void aQueryPastTheTimeoutStopsWithTimeLimitExceededAndWritesNothing() throws Exception {
        server = TestServer.start(dir, c -> c.withQueryTimeout(java.time.Duration.ofMillis(300)));
        cluster = Cluster.build("127.0.0.1").port(server.server.port()).create();
        Client client = cluster.connect();
        client.submit(GremlinHttpIT.CLIQUE).all().get();
        NeptuneError error = NeptuneError.of(catchThrowable(() -> client.submit(GremlinHttpIT.SLOW).all().get()));
        assertThat(error).isEqualTo(new NeptuneError(ResponseStatusCode.SERVER_ERROR,
                "TimeLimitExceededException", "Operation terminated (deadline exceeded)"));
        assertThat(server.lastPgCommit()).isEqualTo(1);
        assertThat(client.submit("g.V().count()").all().get()).extracting(Result::getLong).containsExactly(5L);
    }

    @Test
    void aRequestMayShortenTheQueryTimeoutButNotLengthenOrDisableIt() throws Exception {
        server = TestServer.start(dir, c -> c.withQueryTimeout(java.time.Duration.ofMillis(300)));
        cluster = Cluster.build("127.0.0.1").port(server.server.port()).create();
        Client client = cluster.connect();
        client.submit(GremlinHttpIT.CLIQUE).all().get();
        NeptuneError timedOut = new NeptuneError(ResponseStatusCode.SERVER_ERROR, "TimeLimitExceededException",
                "Operation terminated (deadline exceeded)");
        for (long asked : new long[] {0, -1, 60_000}) {
            RequestOptions options = RequestOptions.build().timeout(asked).create();
            long start = System.nanoTime();
            assertThat(NeptuneError.of(catchThrowable(() -> client.submit(GremlinHttpIT.SLOW, options).all().get())))
                    .as("evaluationTimeout %d", asked).isEqualTo(timedOut);
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(10));
        }
        GraphTraversalSource g = traversal().withRemote(DriverRemoteConnection.using(cluster));
        assertThat(NeptuneError.of(catchThrowable(() -> g.with(Tokens.ARGS_EVAL_TIMEOUT, 0L).V().repeat(__.both()).times(14)
                .path().count().next()))).as("with() in bytecode, which the driver sends as the argument").isEqualTo(timedOut);
        // A shorter one holds (327,680 paths cannot be counted in 1 ms).
        RequestOptions shorter = RequestOptions.build().timeout(1).create();
        assertThat(NeptuneError.of(catchThrowable(() -> client.submit(
                "g.V().repeat(__.both()).times(8).path().count()", shorter).all().get()))).isEqualTo(timedOut);
        assertThat(server.lastPgCommit()).isEqualTo(1);
    }

    /** What Neptune puts in the status of a failed Gremlin response. */
    record NeptuneError(ResponseStatusCode status, String code, String detailedMessage) {
        static NeptuneError of(Throwable failure) {
            Throwable t = failure;
            while (t != null && !(t instanceof ResponseException)) {
                t = t.getCause();
            }
            assertThat(t).as("a response exception in %s", failure).isInstanceOf(ResponseException.class);
            ResponseException e = (ResponseException) t;
            assertThat(e.getRemoteStackTrace()).as("no stack trace leaves the server").isEmpty();
            assertThat(e.getRemoteExceptionHierarchy()).as("no class names leave the server").isEmpty();
            JsonNode body;
            try {
                body = TestServer.JSON.readTree(e.getMessage());
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
            assertThat(body.fieldNames()).toIterable().containsExactly("requestId", "code", "detailedMessage");
            assertThat(body.get("requestId").asText()).matches("[0-9a-f-]{36}");
            return new NeptuneError(e.getResponseStatusCode(), body.get("code").asText(),
                    body.get("detailedMessage").asText());
        }

        static String requestIdOf(Throwable failure) throws IOException {
            Throwable t = failure;
            while (!(t instanceof ResponseException)) {
                t = t.getCause();
            }
            return TestServer.JSON.readTree(t.getMessage()).get("requestId").asText();
        }
    }
}
