package dev.nereid.rdf;

import dev.nereid.log.CommitInfo;
import dev.nereid.log.LogCursor;
import dev.nereid.log.MemoryChangeLog;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import dev.nereid.stream.RdfData;
import dev.nereid.stream.RecordCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spec §6.2's operations and §6.3's worked example, record for record. */
class SparqlCaptureTest {

    private static final String PREFIXES = "PREFIX ex: <http://example.org/> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> ";
    private static final String INT = "<http://www.w3.org/2001/XMLSchema#int>";

    private final MemoryChangeLog log = new MemoryChangeLog();
    private final RdfStore store = open();

    private RdfStore open() {
        try {
            return RdfStore.open(log);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Optional<CommitInfo> update(String request) {
        return store.update(PREFIXES + request);
    }

    /** The records of one commit as {@code OP stmt} lines without the final LF; {@code *} marks the last. */
    private List<String> lines(long commitNum) throws Exception {
        List<String> out = new ArrayList<>();
        try (LogCursor c = log.cursor(commitNum, 1)) {
            while (c.next() && c.commitNum() == commitNum) {
                ByteBuffer record = c.record();
                String stmt = RdfData.fromJson(RecordCodec.data(record)).stmt();
                out.add(RecordCodec.op(record) + " " + stmt.substring(0, stmt.length() - 1)
                        + (c.opNum() == c.recordCount() ? " *" : ""));
            }
        }
        return out;
    }

    private List<String> updateAndLines(String request) throws Exception {
        return lines(update(request).orElseThrow().commitNum());
    }

    @Test
    void workedExample() throws Exception {
        assertThat(updateAndLines("INSERT DATA { ex:s ex:p \"a\" . ex:s ex:label \"chat\"@fr . GRAPH ex:g { ex:s ex:n \"5\"^^xsd:int } }"))
                .containsExactly("ADD <http://example.org/s> <http://example.org/p> \"a\" .",
                        "ADD <http://example.org/s> <http://example.org/label> \"chat\"@fr .",
                        "ADD <http://example.org/s> <http://example.org/n> \"5\"^^" + INT + " <http://example.org/g> . *");
        assertThat(updateAndLines("DELETE { ?s ex:p ?o } INSERT { ?s ex:p \"b\" } WHERE { ?s ex:p ?o }"))
                .containsExactly("REMOVE <http://example.org/s> <http://example.org/p> \"a\" .",
                        "ADD <http://example.org/s> <http://example.org/p> \"b\" . *");
        assertThat(update("INSERT DATA { ex:s ex:p \"b\" }")).isEmpty();
        assertThat(update("INSERT DATA { ex:t ex:p \"x\" } ; DELETE DATA { ex:t ex:p \"x\" }")).isEmpty();

        List<String> blank = updateAndLines("INSERT DATA { ex:s ex:addr _:a . _:a ex:city \"Paris\" }");
        assertThat(blank).hasSize(2);
        String label = blank.get(0).substring(blank.get(0).lastIndexOf(' ', blank.get(0).length() - 3) + 1,
                blank.get(0).length() - 2);
        assertThat(label).matches("_:b[A-Za-z0-9]+");
        assertThat(blank).containsExactly("ADD <http://example.org/s> <http://example.org/addr> " + label + " .",
                "ADD " + label + " <http://example.org/city> \"Paris\" . *");

        assertThat(updateAndLines("DELETE WHERE { ex:s ex:addr ?a . ?a ?q ?o }"))
                .containsExactly("REMOVE <http://example.org/s> <http://example.org/addr> " + label + " .",
                        "REMOVE " + label + " <http://example.org/city> \"Paris\" . *");
        assertThat(updateAndLines("DROP GRAPH ex:g"))
                .containsExactly("REMOVE <http://example.org/s> <http://example.org/n> \"5\"^^" + INT + " <http://example.org/g> . *");
        assertThat(log.lastCommit().orElseThrow().commitNum()).isEqualTo(5);
    }

    @Test
    void deleteDataRemovesOnlyWhatIsPresent() throws Exception {
        update("INSERT DATA { ex:s ex:p 1 . ex:s ex:p 2 }");
        assertThat(updateAndLines("DELETE DATA { ex:s ex:p 2 . ex:s ex:p 3 . ex:s ex:p 1 }"))
                .containsExactly("REMOVE <http://example.org/s> <http://example.org/p> \"2\"^^<http://www.w3.org/2001/XMLSchema#integer> .",
                        "REMOVE <http://example.org/s> <http://example.org/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> . *");
        assertThat(update("DELETE DATA { ex:s ex:p 1 }")).isEmpty();
    }

    @Test
    void whereWithoutGraphMatchesTheUnionAndTemplatesWriteTheDefaultNamedGraph() throws Exception {
        update("INSERT DATA { GRAPH ex:g { ex:a ex:p ex:b } }");
        assertThat(updateAndLines("INSERT { ?s ex:q ?o } WHERE { ?s ex:p ?o }"))
                .containsExactly("ADD <http://example.org/a> <http://example.org/q> <http://example.org/b> . *");
        assertThat(store.content()).containsExactly(
                "<http://example.org/a> <http://example.org/p> <http://example.org/b> <http://example.org/g> .\n",
                "<http://example.org/a> <http://example.org/q> <http://example.org/b> .\n");
    }

    @Test
    void clearAndDropTargets() throws Exception {
        update("INSERT DATA { ex:d ex:p 1 . GRAPH ex:g { ex:s ex:p 1 } GRAPH ex:h { ex:s ex:p 2 } }");
        assertThat(updateAndLines("CLEAR DEFAULT"))
                .containsExactly("REMOVE <http://example.org/d> <http://example.org/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> . *");
        update("INSERT DATA { ex:d ex:p 1 }");
        List<String> named = updateAndLines("DROP NAMED");
        assertThat(named).hasSize(2).allMatch(l -> l.startsWith("REMOVE") && (l.contains("<http://example.org/g>")
                || l.contains("<http://example.org/h>")));
        assertThat(store.content()).containsExactly(
                "<http://example.org/d> <http://example.org/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n");
        assertThat(updateAndLines("CLEAR ALL")).hasSize(1);
        assertThat(store.content()).isEmpty();
        assertThat(update("CREATE GRAPH ex:new")).isEmpty();
    }

    /**
     * Twelve quads stored one update each, in an order unrelated to the dataset's index order, across
     * three graphs; a bulk removal lists them oldest first — also after a restart from the log, which
     * must order them as the store that wrote it did.
     */
    @Test
    void clearAndDropRemoveOldestFirst() throws Exception {
        String[] graphs = {"ex:g", "ex:h", "ex:g", "ex:h", "ex:g", "ex:h", "ex:g", "ex:h", "ex:g", "ex:h", "ex:g", "ex:h"};
        int[] values = {7, 3, 11, 1, 9, 5, 2, 12, 4, 8, 10, 6};
        List<String> byAge = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            update("INSERT DATA { GRAPH " + graphs[i] + " { ex:s" + values[i] + " ex:p " + values[i] + " } }");
            byAge.add("REMOVE <http://example.org/s" + values[i] + "> <http://example.org/p> \"" + values[i]
                    + "\"^^<http://www.w3.org/2001/XMLSchema#integer> <http://example.org/" + graphs[i].substring(3) + "> .");
        }
        update("INSERT DATA { ex:d ex:p 0 }");
        List<String> allNamed = new ArrayList<>(byAge);
        allNamed.set(allNamed.size() - 1, allNamed.get(allNamed.size() - 1) + " *");
        List<String> onlyG = new ArrayList<>(byAge.stream().filter(l -> l.contains("/g>")).toList());
        onlyG.set(onlyG.size() - 1, onlyG.get(onlyG.size() - 1) + " *");

        assertThat(updateAndLines("DROP GRAPH ex:g")).containsExactlyElementsOf(onlyG);
        assertThat(updateAndLines("DROP GRAPH ex:h")).hasSize(6);
        for (int i = 0; i < values.length; i++) {
            update("INSERT DATA { GRAPH " + graphs[i] + " { ex:s" + values[i] + " ex:p " + values[i] + " } }");
        }
        try (RdfStore restarted = RdfStore.open(log)) {
            long commit = restarted.update(PREFIXES + "DROP NAMED").orElseThrow().commitNum();
            assertThat(lines(commit)).containsExactlyElementsOf(allNamed);
        }
        // Same history in this store: CLEAR ALL takes the default graph's quad too, in its place by age.
        List<String> all = new ArrayList<>(byAge);
        all.add("REMOVE <http://example.org/d> <http://example.org/p> \"0\"^^<http://www.w3.org/2001/XMLSchema#integer> .");
        all.add(0, all.remove(all.size() - 1));
        all.set(all.size() - 1, all.get(all.size() - 1) + " *");
        assertThat(updateAndLines("CLEAR ALL")).containsExactlyElementsOf(all);
    }

    @Test
    void copyAndMoveGiveTheNetChangeOfTargetAndSource() throws Exception {
        update("INSERT DATA { GRAPH ex:g { ex:s ex:p 1 } GRAPH ex:h { ex:s ex:p 1 . ex:s ex:p 9 } }");
        assertThat(updateAndLines("COPY ex:g TO ex:h"))
                .containsExactly("REMOVE <http://example.org/s> <http://example.org/p> \"9\"^^<http://www.w3.org/2001/XMLSchema#integer> <http://example.org/h> . *");
        assertThat(updateAndLines("MOVE ex:g TO ex:k"))
                .containsExactly("REMOVE <http://example.org/s> <http://example.org/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> <http://example.org/g> .",
                        "ADD <http://example.org/s> <http://example.org/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> <http://example.org/k> . *");
    }

    @Test
    void literalsAreWrittenAsStored() throws Exception {
        assertThat(updateAndLines("INSERT DATA { ex:s ex:p \"q\\\"uote\\nline\\ttab é 日本\" . ex:s ex:p \"05\"^^xsd:int . "
                + "ex:s ex:p \"Hello\"@EN-us . ex:s ex:p \"plain\"^^xsd:string }"))
                .containsExactly("ADD <http://example.org/s> <http://example.org/p> \"q\\\"uote\\nline\\ttab é 日本\" .",
                        "ADD <http://example.org/s> <http://example.org/p> \"05\"^^" + INT + " .",
                        "ADD <http://example.org/s> <http://example.org/p> \"Hello\"@en-us .",
                        "ADD <http://example.org/s> <http://example.org/p> \"plain\" . *");
    }

    @Test
    void malformedUpdatesAreRefusedAndWriteNothing() {
        assertThatThrownBy(() -> store.update("INSERT DATA { <a> <b> }"))
                .isInstanceOfSatisfying(NereidException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_QUERY));
        assertThat(log.lastCommit()).isEmpty();
    }

    /** Jena's SPARQL 1.1 grammar recurses once per triple; a large data block must still parse. */
    @Test
    void aLargeInsertDataIsOneCommitAndTooDeepANestingIsMalformed() throws Exception {
        StringBuilder data = new StringBuilder("INSERT DATA {");
        for (int i = 0; i < 100_000; i++) {
            data.append(" ex:s").append(i).append(" ex:p ").append(i).append(" .");
        }
        CommitInfo commit = update(data.append(" }").toString()).orElseThrow();
        assertThat(commit.recordCount()).isEqualTo(100_000);
        assertThat(store.content()).hasSize(100_000);

        String deep = "INSERT { ex:s ex:p ?x } WHERE { BIND(" + "(".repeat(300_000) + "1" + ")".repeat(300_000) + " AS ?x) }";
        assertThatThrownBy(() -> update(deep)).isInstanceOfSatisfying(NereidException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_QUERY);
            assertThat(e.getMessage()).isEqualTo("The update is nested too deeply to parse (more than 100 levels)");
        });
        assertThat(log.lastCommit().orElseThrow().commitNum()).isEqualTo(1);
    }

    @Test
    void anUpdatePastItsTimeLimitStopsAndWritesNothing() {
        StringBuilder data = new StringBuilder("INSERT DATA {");
        for (int i = 0; i < 300; i++) {
            data.append(" ex:s").append(i).append(" ex:p ").append(i).append(" .");
        }
        update(data.append(" }").toString());
        long before = log.lastCommit().orElseThrow().commitNum();
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> store.update(PREFIXES + "INSERT { ?a ex:q ?c } WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z }",
                        java.time.Duration.ofMillis(300)))
                        .isInstanceOfSatisfying(NereidException.class, e -> {
                            assertThat(e.errorCode()).isEqualTo(ErrorCode.TIME_LIMIT_EXCEEDED);
                            assertThat(e.getMessage()).isEqualTo("Operation terminated (deadline exceeded)");
                        }));
        assertThat(log.lastCommit().orElseThrow().commitNum()).isEqualTo(before);
        assertThat(store.content()).hasSize(300);
    }

    @Test
    void updatesNameNoPlaceForTheServerToRead() {
        assertThatThrownBy(() -> store.update("LOAD <file:///etc/hostname>"))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION);
                    assertThat(e.getMessage()).isEqualTo("LOAD is not enabled on this server (start it with --sparql-load-dir)");
                });
        assertThatThrownBy(() -> store.update("INSERT { <a:s> <a:p> ?o } WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }"))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION);
                    assertThat(e.getMessage()).isEqualTo("SERVICE is not supported");
                });
        assertThat(log.lastCommit()).isEmpty();
    }

    @Test
    void aFastResetEmptiesTheStoreAndTheLog() throws Exception {
        update("INSERT DATA { ex:s ex:p 1 }");
        store.resetWith(log::reset);
        assertThat(store.content()).isEmpty();
        assertThat(log.lastCommit()).isEmpty();
        assertThat(updateAndLines("INSERT DATA { ex:s ex:p 1 }")).hasSize(1);
        assertThat(log.lastCommit().orElseThrow().commitNum()).isEqualTo(1);
    }

    @Test
    void replayingTheLogRebuildsTheStoreBlankNodesIncluded() throws Exception {
        update("INSERT DATA { ex:s ex:addr _:a . _:a ex:city \"Paris\" . GRAPH ex:g { _:a ex:zip \"75001\" } }");
        update("DELETE { ?s ex:p ?o } INSERT { ?s ex:p \"b\" } WHERE { ?s ex:addr ?o }");
        update("INSERT DATA { ex:t ex:p \"x\"@FR }");
        try (RdfStore replayed = RdfStore.open(log)) {
            assertThat(replayed.content()).isEqualTo(store.content());
            // The replayed blank node is the same node: a later removal by pattern finds it.
            replayed.update(PREFIXES + "DELETE WHERE { ?a ex:city \"Paris\" }");
            assertThat(replayed.content()).hasSize(store.content().size() - 1);
        }
    }
}
