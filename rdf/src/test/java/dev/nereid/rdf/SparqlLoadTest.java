package dev.nereid.rdf;

import dev.nereid.log.LogCursor;
import dev.nereid.log.MemoryChangeLog;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import dev.nereid.stream.RdfData;
import dev.nereid.stream.RecordCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spec §6.2's LOAD row: a local file from the load directory, ADD per new quad in document order. */
class SparqlLoadTest {

    private static final String INTEGER = "^^<http://www.w3.org/2001/XMLSchema#integer>";

    @TempDir
    Path dir;
    private Path loads;
    private final MemoryChangeLog log = new MemoryChangeLog();
    private RdfStore store;

    @BeforeEach
    void open() throws IOException {
        loads = Files.createDirectories(dir.resolve("loads"));
        store = RdfStore.open(log, null, loads);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String file(String name, String content) throws IOException {
        return Files.writeString(loads.resolve(name), content).toUri().toString();
    }

    private List<String> lines(long commitNum) throws IOException {
        List<String> out = new ArrayList<>();
        try (LogCursor c = log.cursor(commitNum, 1)) {
            while (c.next() && c.commitNum() == commitNum) {
                ByteBuffer record = c.record();
                String stmt = RdfData.fromJson(RecordCodec.data(record)).stmt();
                out.add(RecordCodec.op(record) + " " + stmt.substring(0, stmt.length() - 1));
            }
        }
        return out;
    }

    private List<String> load(String request) throws IOException {
        return lines(store.update(request).orElseThrow().commitNum());
    }

    private static void refused(Runnable update, ErrorCode code, String message) {
        assertThatThrownBy(update::run).isInstanceOfSatisfying(NereidException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void aTurtleFileIsAddedInDocumentOrderAndOnlyWhatIsNew() throws IOException {
        store.update("INSERT DATA { <http://example.org/s> <http://example.org/p> 2 }");
        String turtle = file("people.ttl", """
                @prefix ex: <http://example.org/> .
                ex:s ex:p 3 , 2 , 1 .
                ex:s ex:name "Zoë \\"Z\\""@en .
                ex:s ex:addr [ ex:city "Paris" ] .
                """);
        List<String> added = load("LOAD <" + turtle + ">");
        assertThat(added).hasSize(5);
        assertThat(added.subList(0, 3)).containsExactly(
                "ADD <http://example.org/s> <http://example.org/p> \"3\"" + INTEGER + " .",
                "ADD <http://example.org/s> <http://example.org/p> \"1\"" + INTEGER + " .",
                "ADD <http://example.org/s> <http://example.org/name> \"Zoë \\\"Z\\\"\"@en .");
        // Jena's Turtle parser gives a [ ... ] node's own triples before the triple that holds it.
        assertThat(added.get(3)).matches("ADD _:b[A-Za-z0-9]+ <http://example.org/city> \"Paris\" \\.");
        String blank = added.get(3).split(" ")[1];
        assertThat(added.get(4)).isEqualTo("ADD <http://example.org/s> <http://example.org/addr> " + blank + " .");
        assertThat(store.update("LOAD <" + turtle + ">")).as("the same triples, but a new blank node").isPresent();
    }

    @Test
    void intoGraphAndQuadFormats() throws IOException {
        String nt = file("one.nt", "<http://example.org/a> <http://example.org/p> \"x\" .\n");
        assertThat(load("LOAD <" + nt + "> INTO GRAPH <http://example.org/g>"))
                .containsExactly("ADD <http://example.org/a> <http://example.org/p> \"x\" <http://example.org/g> .");
        String nq = file("two.nq", "<http://example.org/b> <http://example.org/p> \"y\" <http://example.org/h> .\n"
                + "<http://example.org/c> <http://example.org/p> \"z\" .\n");
        assertThat(load("LOAD <" + nq + ">")).containsExactly(
                "ADD <http://example.org/b> <http://example.org/p> \"y\" <http://example.org/h> .",
                "ADD <http://example.org/c> <http://example.org/p> \"z\" .");
    }

    @Test
    void aFileThatFailsWritesNothingWithOrWithoutSilent() throws IOException {
        String bad = file("bad.ttl", "<http://example.org/a> <http://example.org/p> 1 .\n<http://example.org/a> <oops\n");
        assertThatThrownBy(() -> store.update("INSERT DATA { <http://example.org/x> <http://example.org/p> 0 } ; LOAD <" + bad + ">"))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(e.getMessage()).startsWith("Cannot parse " + bad + ": ");
                });
        assertThat(store.update("LOAD SILENT <" + bad + ">")).isEmpty();
        assertThat(store.update("LOAD SILENT <" + loads.resolve("missing.ttl").toUri() + ">")).isEmpty();
        assertThat(log.lastCommit()).isEmpty();
        assertThat(store.content()).isEmpty();
    }

    @Test
    void onlyFilesInsideTheLoadDirectoryAreRead() throws IOException {
        Path outside = Files.writeString(dir.resolve("secret.ttl"), "<http://example.org/a> <http://example.org/p> 1 .\n");
        String missing = loads.resolve("missing.ttl").toUri().toString();
        refused(() -> store.update("LOAD <" + outside.toUri() + ">"), ErrorCode.BAD_REQUEST,
                "Cannot read " + outside.toUri() + ": no such file in the load directory");
        // The SPARQL parser already resolves the dots, so this is the file outside once more.
        refused(() -> store.update("LOAD <" + loads.toUri() + "../secret.ttl>"), ErrorCode.BAD_REQUEST,
                "Cannot read " + outside.toUri() + ": no such file in the load directory");
        refused(() -> store.update("LOAD <" + missing + ">"), ErrorCode.BAD_REQUEST,
                "Cannot read " + missing + ": no such file in the load directory");
        refused(() -> store.update("LOAD <http://example.org/data.ttl>"), ErrorCode.UNSUPPORTED_OPERATION,
                "LOAD reads only file: IRIs in the server's load directory, not http://example.org/data.ttl");
        Files.createSymbolicLink(loads.resolve("link.ttl"), outside);
        String link = loads.resolve("link.ttl").toUri().toString();
        refused(() -> store.update("LOAD <" + link + ">"), ErrorCode.BAD_REQUEST,
                "Cannot read " + link + ": no such file in the load directory");
        String unknown = file("data.unknownext", "x");
        refused(() -> store.update("LOAD <" + unknown + ">"), ErrorCode.BAD_REQUEST,
                "Cannot tell the RDF syntax of " + unknown + " from its extension");
        assertThat(log.lastCommit()).isEmpty();
    }
}
