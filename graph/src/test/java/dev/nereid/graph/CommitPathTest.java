package dev.nereid.graph;

import dev.nereid.log.GatedChangeLog;
import dev.nereid.log.CommitInfo;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DESIGN §1's commit path: durable before visible, conflicts, and a failed append. */
class CommitPathTest {

    /** Enough threads for every client to block at once (the common pool may have only one). */
    private static final ExecutorService CLIENTS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "client");
        t.setDaemon(true);
        return t;
    });

    /** The shared gated log, under the name these tests use. */
    static final class GatedLog extends GatedChangeLog {
    }

    private static boolean visible(GraphFixture f, String id) throws Exception {
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            return reader.submit(() -> {
                try {
                    return f.g.V(id).hasNext();
                } finally {
                    f.graph.tx().rollback();
                }
            }).get(10, TimeUnit.SECONDS);
        } finally {
            reader.shutdown();
        }
    }

    @Test
    void aWriteIsInvisibleUntilItsAppendIsDurable() throws Exception {
        GatedLog log = new GatedLog();
        try (GraphFixture f = new GraphFixture(log)) {
            log.entered = new CountDownLatch(1);
            log.gate = new CountDownLatch(1);
            CompletableFuture<Optional<CommitInfo>> writer =
                    CompletableFuture.supplyAsync(() -> f.run("g.addV('p').property(id,'a')"), CLIENTS);
            assertThat(log.entered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(visible(f, "a")).isFalse();
            assertThat(writer).isNotDone();
            log.gate.countDown();
            assertThat(writer.get(10, TimeUnit.SECONDS)).map(CommitInfo::commitNum).hasValue(1L);
            assertThat(visible(f, "a")).isTrue();
        }
    }

    @Test
    void aCommitOnAnElementAnotherCommitHoldsFailsWithConcurrentModification() throws Exception {
        GatedLog log = new GatedLog();
        try (GraphFixture f = new GraphFixture(log)) {
            f.run("g.addV('p').property(id,'a')");
            log.entered = new CountDownLatch(1);
            log.gate = new CountDownLatch(1);
            CompletableFuture<Optional<CommitInfo>> first =
                    CompletableFuture.supplyAsync(() -> f.run("g.V('a').property('k',1)"), CLIENTS);
            assertThat(log.entered.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Optional<CommitInfo>> second =
                    CompletableFuture.supplyAsync(() -> f.run("g.V('a').property('k',2)"), CLIENTS);
            assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(NereidException.class)
                    .cause().satisfies(e -> {
                        assertThat(((NereidException) e).errorCode()).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION);
                        assertThat(((NereidException) e).errorCode().retryable()).isTrue();
                    });
            log.gate.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).map(CommitInfo::commitNum).hasValue(2L);
            assertThat(f.lines(2)).containsExactly("1 ADD vp a k 1 Int *");
            assertThat(f.lastCommitNum()).isEqualTo(2);
        }
    }

    @Test
    void commitsOnDisjointElementsShareTheLogConcurrently() throws Exception {
        GatedLog log = new GatedLog();
        try (GraphFixture f = new GraphFixture(log)) {
            log.entered = new CountDownLatch(2);
            log.gate = new CountDownLatch(1);
            CompletableFuture<Optional<CommitInfo>> a = CompletableFuture.supplyAsync(() -> f.run("g.addV('p').property(id,'a')"), CLIENTS);
            CompletableFuture<Optional<CommitInfo>> b = CompletableFuture.supplyAsync(() -> f.run("g.addV('p').property(id,'b')"), CLIENTS);
            assertThat(log.entered.await(10, TimeUnit.SECONDS)).as("both appends in flight at once").isTrue();
            log.gate.countDown();
            a.get(10, TimeUnit.SECONDS);
            b.get(10, TimeUnit.SECONDS);
            assertThat(f.lastCommitNum()).isEqualTo(2);
            assertThat(List.of(f.lines(1).get(0), f.lines(2).get(0)))
                    .containsExactlyInAnyOrder("1 ADD vl a label p *", "1 ADD vl b label p *");
        }
    }

    @Test
    void aFailedAppendWritesNothingAndStopsFurtherWrites() throws Exception {
        GatedLog log = new GatedLog();
        try (GraphFixture f = new GraphFixture(log)) {
            f.run("g.addV('p').property(id,'a')");
            log.fail = true;
            assertThatThrownBy(() -> f.run("g.addV('p').property(id,'b')"))
                    .isInstanceOfSatisfying(NereidException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.INTERNAL_FAILURE);
                        assertThat(e.detailedMessage()).isEqualTo("Internal failure");
                    });
            assertThat(visible(f, "b")).isFalse();
            log.fail = false;
            assertThatThrownBy(() -> f.run("g.addV('p').property(id,'c')"))
                    .isInstanceOfSatisfying(NereidException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INTERNAL_FAILURE));
            assertThat(f.run("g.V('a').values('name')")).isEmpty();
            assertThat(f.lastCommitNum()).isEqualTo(1);
        }
    }

    @Test
    void anEdgeToAVertexAnotherCommitDroppedIsAConflictNotADanglingEdge() throws Exception {
        try (GraphFixture f = new GraphFixture()) {
            f.run("g.addV('p').property(id,'v1').addV('p').property(id,'v2')");
            ExecutorService writer = Executors.newSingleThreadExecutor();
            try {
                Object[] held = writer.submit(() -> new Object[] {f.g.V("v1").next(), f.g.V("v2").next()})
                        .get(10, TimeUnit.SECONDS);
                f.run("g.V('v2').drop()");
                assertThatThrownBy(() -> writer.submit(() -> {
                    try {
                        ((org.apache.tinkerpop.gremlin.structure.Vertex) held[0]).addEdge("knows",
                                (org.apache.tinkerpop.gremlin.structure.Vertex) held[1],
                                org.apache.tinkerpop.gremlin.structure.T.id, "e");
                        f.graph.tx().commit();
                    } catch (RuntimeException e) {
                        f.graph.tx().rollback();
                        throw e;
                    }
                    return null;
                }).get(10, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(NereidException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION));
            } finally {
                writer.shutdown();
            }
            assertThat(f.lastCommitNum()).isEqualTo(2);
            assertThat(f.run("g.E().count()")).isEmpty();
        }
    }
}
