package dev.nereid.rdf;

import dev.nereid.log.CommitInfo;
import dev.nereid.stream.NereidException;
import org.apache.jena.update.UpdateRequest;

import java.util.Optional;

/**
 * One parsed update request waiting for the store's writer, and then its outcome. The outcome is set
 * and read under the writer's lock, so it needs no other synchronization.
 */
final class PendingUpdate {

    final UpdateRequest request;
    /** System.nanoTime() after which the update stops; Long.MAX_VALUE for none. */
    final long deadline;
    private boolean done;
    private Optional<CommitInfo> commit = Optional.empty();
    private NereidException failure;

    PendingUpdate(UpdateRequest request, long deadline) {
        this.request = request;
        this.deadline = deadline;
    }

    boolean isDone() {
        return done;
    }

    void committed(Optional<CommitInfo> info) {
        commit = info;
        done = true;
    }

    void failed(NereidException e) {
        failure = e;
        done = true;
    }

    Optional<CommitInfo> outcome() {
        if (failure != null) {
            throw failure;
        }
        return commit;
    }
}
