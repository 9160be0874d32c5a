package dev.nereid.bench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nereid.server.NereidServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzz test of the suite: a few thousand cases over every endpoint against a server in this JVM, then
 * the server checked (see {@link FuzzRun}). Its seed is fixed, so a red build replays exactly; another seed
 * is one {@code -Dfuzz.seed=N} away, and the longer runs are {@code bench/run fuzz}'s.
 */
class FuzzIT {
    static final long SEED = Long.getLong("fuzz.seed", 20_261_122L);
    static final int SEQUENTIAL = 2_000;
    static final int CONCURRENT = 400;
    static final int SIGNED_SEQUENTIAL = 1_000;
    static final int SIGNED_CONCURRENT = 200;
    /** Every path the corpus serves, with and without its trailing slash, and each other way in. */
    static final List<String> ENDPOINTS = List.of("/?gremlin=", "/gremlin", "/gremlin/stream", "/gremlin/stream/",
            "/openCypher", "/opencypher", "/pg/stream", "/pg/stream/", "/propertygraph/stream",
            "/propertygraph/stream/", "/sparql", "/sparql/stream", "/sparql/stream/", "/status", "/system", "raw http",
            "ws /gremlin", "ws /gremlin (driver)");

    @Test
    void everyEndpointAnswersEveryCaseInNeptunesTermsAndTheDataSurvives(@TempDir Path dir) throws Exception {
        FuzzOptions options = new FuzzOptions(SEED, SEQUENTIAL, CONCURRENT, 4, Duration.ofSeconds(150), 10_000, false,
                false, dir.resolve("out"));
        FuzzReport report;
        try (NereidServer server = FuzzBench.start(dir.resolve("data"), false)) {
            report = FuzzRun.run(server, options, RequestSigner.NONE);
        }
        String summary = report.summary();
        System.out.println(summary);

        // The deliberate reset adds its two requests to the cases generated.
        assertThat(report.cases()).as(summary).isEqualTo(SEQUENTIAL + CONCURRENT + 2);
        assertThat(report.tally().endpoints().keySet()).as(summary).containsExactlyInAnyOrderElementsOf(
                ENDPOINTS);
        assertThat(report.tally().failures()).as(summary).isEmpty();
        assertThat(report.checks()).as(summary).allMatch(Check::passed).hasSize(11);
        assertThat(report.passed()).isTrue();
    }

    /**
     * With {@code --auth sigv4}: every case signed before it is mutated, so mutations break signatures; refused
     * ones must be Neptune's 403 and change nothing, valid ones still succeed.
     */
    @Test
    void withSigV4EveryCaseIsAnsweredAndRefusalsChangeNothing(@TempDir Path dir) throws Exception {
        FuzzOptions options = new FuzzOptions(SEED + 1, SIGNED_SEQUENTIAL, SIGNED_CONCURRENT, 4, Duration.ofSeconds(120),
                10_000, false, true, dir.resolve("out"));
        FuzzReport report;
        try (NereidServer server = FuzzBench.start(dir.resolve("data"), true)) {
            report = FuzzRun.run(server, options, FuzzBench.signer(server, true));
        }
        String summary = report.summary();
        System.out.println(summary);
        assertThat(report.cases()).as(summary).isEqualTo(SIGNED_SEQUENTIAL + SIGNED_CONCURRENT + 2);
        assertThat(report.tally().failures()).as(summary).isEmpty();
        assertThat(report.checks()).as(summary).allMatch(Check::passed).hasSize(11);
        assertThat(report.tally().outcomes()).as(summary).containsKey("403 AccessDeniedException");
    }
}
