package dev.nereid.bench.gremlin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's wiring, not its figures: one quick run with the servers in child JVMs, so a
 * change that breaks a server's start, the clients or the final checks shows up in the build
 * instead of on the day someone runs {@code bench/run}.
 */
class GremlinWriteBenchIT {

    @Test
    void aQuickRunChecksEveryServerAndWritesItsTable(@TempDir Path out) throws Exception {
        String summary = GremlinWriteBench.run(GremlinWriteBench.Options.parse(new String[] {
                "--quick", "--round-seconds", "0.3", "--out", out.toString()}));

        assertThat(Files.readString(out.resolve("gremlin-summary.md"))).isEqualTo(summary);
        for (ServerKind kind : ServerKind.COMPARED) {
            assertThat(summary).contains("| " + kind.label());
        }
        assertThat(summary).contains("(a) / (b)").contains("(a) / (c)")
                .containsPattern("property-graph lastCommit [0-9,]+");
    }
}
