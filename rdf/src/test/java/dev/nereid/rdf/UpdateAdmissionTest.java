package dev.nereid.rdf;

import dev.nereid.log.MemoryChangeLog;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admission check of {@link RdfStore#update(String, java.time.Duration, java.util.function.Consumer)}. */
class UpdateAdmissionTest {

    private static final String EX = "PREFIX ex: <http://example.org/> ";

    private final MemoryChangeLog log = new MemoryChangeLog();
    private final RdfStore store = open();

    private RdfStore open() {
        try {
            return RdfStore.open(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theCheckSeesTheRequestsEffectsOnceAndTheUpdateThenRuns() {
        List<UpdateEffects> seen = new ArrayList<>();
        long commit = store.update(EX + "INSERT DATA { ex:s ex:p ex:o } ; DELETE DATA { ex:s ex:p ex:gone }", null,
                seen::add).orElseThrow().commitNum();
        assertThat(seen).containsExactly(UpdateEffects.WRITES_AND_DELETES);
        assertThat(commit).isEqualTo(1);
        assertThat(store.content()).containsExactly("<http://example.org/s> <http://example.org/p> <http://example.org/o> .\n");
    }

    @Test
    void aRefusedUpdateRunsNothingAndLogsNothing() {
        store.update(EX + "INSERT DATA { ex:s ex:p ex:o }");
        NereidException denied = new NereidException(ErrorCode.ACCESS_DENIED, "denied");
        List<UpdateEffects> seen = new ArrayList<>();
        assertThatThrownBy(() -> store.update(EX + "DELETE WHERE { ?s ?p ?o } ; INSERT DATA { ex:t ex:p ex:o }", null,
                effects -> {
                    seen.add(effects);
                    throw denied;
                })).isSameAs(denied);
        assertThat(seen).containsExactly(UpdateEffects.WRITES_AND_DELETES);
        assertThat(store.queuedUpdates()).isZero();
        assertThat(log.lastCommit().orElseThrow().commitNum()).isEqualTo(1);
        assertThat(store.content()).containsExactly("<http://example.org/s> <http://example.org/p> <http://example.org/o> .\n");
    }

    @Test
    void aRequestThatDoesNotParseNeverReachesTheCheck() {
        List<UpdateEffects> seen = new ArrayList<>();
        assertThatThrownBy(() -> store.update("INSERT DATA { <s> <p> ", null, seen::add))
                .isInstanceOfSatisfying(NereidException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_QUERY));
        assertThat(seen).isEmpty();
        assertThat(log.lastCommit()).isEmpty();
    }

    @Test
    void theCheckComesBeforeTheRefusalOfService() {
        NereidException denied = new NereidException(ErrorCode.ACCESS_DENIED, "denied");
        assertThatThrownBy(() -> store.update(EX + "INSERT { ?s ex:p ?o } WHERE { SERVICE <http://example.org/sparql> "
                + "{ ?s ex:q ?o } }", null, effects -> {
                    throw denied;
                })).isSameAs(denied);
    }
}
