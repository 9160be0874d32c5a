package dev.nereid.rdf;

import dev.nereid.log.ChangeLog;
import dev.nereid.log.GatedChangeLog;
import dev.nereid.log.CommitInfo;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The RDF store's group commit: updates that wait while a commit is in flight run as one batch, share
 * one append, keep their queue order as commit order, and fail alone.
 */
class SparqlGroupCommitTest {

    private static final String EX = "PREFIX ex: <http://example.org/> ";

    /** A log whose appends wait at a closed gate until the test opens it. */
    static final class GatedLog extends GatedChangeLog {
        GatedLog() {
            entered = new CountDownLatch(1);
            gate = new CountDownLatch(1);
        }
    }

    private final GatedLog log = new GatedLog();
    private final RdfStore store = open(log);
    private final ExecutorService clients = Executors.newCachedThreadPool();

    private static RdfStore open(ChangeLog log) {
        try {
            return RdfStore.open(log);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void close() throws InterruptedException {
        log.gate.countDown();
        clients.shutdownNow();
        clients.awaitTermination(10, TimeUnit.SECONDS);
        store.close();
    }

    /** Submits an update and returns once it waits in the store's queue. */
    private Future<Optional<CommitInfo>> queue(String update) throws InterruptedException {
        int before = store.queuedUpdates();
        Future<Optional<CommitInfo>> f = clients.submit(() -> store.update(EX + update));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (store.queuedUpdates() == before) {
            assertThat(System.nanoTime()).as("update queued").isLessThan(until);
            Thread.sleep(1);
        }
        return f;
    }

    @Test
    void updatesWaitingForACommitShareTheNextAppendInQueueOrder() throws Exception {
        Future<Optional<CommitInfo>> first = clients.submit(() -> store.update(EX + "INSERT DATA { ex:a ex:p 1 }"));
        assertThat(log.entered.await(10, TimeUnit.SECONDS)).isTrue();

        Future<Optional<CommitInfo>> second = queue("INSERT DATA { ex:b ex:p 2 }");
        Future<Optional<CommitInfo>> failing = queue("INSERT DATA { ex:c ex:p 3 } ; LOAD <file:///no-load-directory.ttl>");
        Future<Optional<CommitInfo>> noOp = queue("INSERT DATA { ex:d ex:p 4 } ; DELETE DATA { ex:d ex:p 4 }");
        Future<Optional<CommitInfo>> third = queue("DELETE DATA { ex:a ex:p 1 } ; INSERT DATA { ex:e ex:p 5 }");
        log.gate.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).orElseThrow().commitNum()).isEqualTo(1);
        assertThat(second.get(10, TimeUnit.SECONDS).orElseThrow().commitNum()).isEqualTo(2);
        assertThat(third.get(10, TimeUnit.SECONDS).orElseThrow().commitNum()).isEqualTo(3);
        assertThat(noOp.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION);
                    assertThat(e.getMessage()).isEqualTo("LOAD is not enabled on this server (start it with --sparql-load-dir)");
                });
        assertThat(log.batches).containsExactly(1, 2);
        // The failed update's insert was undone inside the shared transaction; the third saw ex:a stored.
        assertThat(store.content()).containsExactly(
                "<http://example.org/b> <http://example.org/p> \"2\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n",
                "<http://example.org/e> <http://example.org/p> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n");
        try (RdfStore replayed = RdfStore.open(log.log)) {
            assertThat(replayed.content()).isEqualTo(store.content());
        }
    }

    @Test
    void aFailedAppendFailsTheWholeBatchShowsNothingAndRefusesLaterUpdates() throws Exception {
        log.gate.countDown();
        store.update(EX + "INSERT DATA { ex:kept ex:p 0 }").orElseThrow();
        log.fail = true;
        List<Future<Optional<CommitInfo>>> failing = List.of(
                clients.submit(() -> store.update(EX + "INSERT DATA { ex:a ex:p 1 }")),
                clients.submit(() -> store.update(EX + "INSERT DATA { ex:b ex:p 2 }")));
        for (Future<Optional<CommitInfo>> f : failing) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(NereidException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.INTERNAL_FAILURE);
                        assertThat(e.getMessage()).isEqualTo("Internal failure");
                    });
        }
        log.fail = false;
        assertThatThrownBy(() -> store.update(EX + "INSERT DATA { ex:c ex:p 3 }"))
                .isInstanceOfSatisfying(NereidException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INTERNAL_FAILURE));
        assertThat(store.content()).containsExactly(
                "<http://example.org/kept> <http://example.org/p> \"0\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n");
        assertThat(log.lastCommit().orElseThrow().commitNum()).isEqualTo(1);
    }
}
