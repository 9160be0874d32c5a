package dev.nereid.bench.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's wiring, not its figures: one quick run with the three servers in child JVMs and a small
 * bulk update, so a change that breaks a server's start, the clients or the final checks shows up in the
 * build instead of on the day someone runs {@code bench/run sparql}.
 */
class SparqlWriteBenchIT {

    @Test
    void aQuickRunChecksEveryServerAndWritesItsTables(@TempDir Path out) throws Exception {
        String report = SparqlWriteBench.run(SparqlWriteBench.Options.parse(new String[] {
                "--quick", "--round-seconds", "0.3", "--bulk-triples", "20000", "--out", out.toString()}));

        assertThat(Files.readString(out.resolve("sparql.md"))).isEqualTo(report);
        for (SparqlServer server : SparqlServer.values()) {
            assertThat(report).contains("| " + server.label());
        }
        assertThat(report).contains("(a) / (b), streams on / off").contains("(a) / (c), Nereid / Fuseki")
                .contains("the SPARQL stream refused (streams off)")
                .containsPattern("bulk \\(a\\): 20,000 triples sent in one update, acknowledged, 20,000 counted, commitNum 1")
                .containsPattern("bulk \\(c\\): 20,000 triples sent in one update, acknowledged, 20,000 counted");
    }
}
