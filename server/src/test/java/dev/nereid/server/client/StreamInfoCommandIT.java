package dev.nereid.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nereid.client.checkpoint.FileCheckpointStore;
import dev.nereid.client.poller.Checkpoint;
import dev.nereid.server.SpecExamples;
import dev.nereid.server.TestServer;
import dev.nereid.stream.EventId;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./nereid stream-info} in a child JVM against spec §5.5's stream. */
class StreamInfoCommandIT {
    @TempDir
    Path dir;

    @Test
    void printsTheEndsOfTheStreamAndTheLagOfAConsumer() throws Exception {
        try (TestServer server = TestServer.start(dir.resolve("data"))) {
            SpecExamples.propertyGraph(server.pg(), server.clock);
            Cli cli = new Cli(dir);
            String endpoint = "http://127.0.0.1:" + server.server.port();

            Cli.Result fromStart = cli.run("stream-info", "--endpoint", endpoint, "--stream", "propertygraph");
            assertThat(fromStart.exit()).as(fromStart.stderr()).isZero();
            assertThat(fromStart.out()).isEqualTo("""
                    stream      propertygraph
                    oldest      1:1 2026-01-01T00:00:00Z
                    newest      6:6 2026-01-01T00:05:00Z
                    lag         6 commits, 38 records, 300000 ms
                    """);

            Path checkpoint = dir.resolve("c");
            FileCheckpointStore.of(checkpoint).save(new Checkpoint(new EventId(3, 8), TestServer.T0 + 120_000));
            Cli.Result behind = cli.run("stream-info", "--endpoint", endpoint, "--stream", "pg", "--checkpoint",
                    checkpoint.toString());
            assertThat(behind.out()).isEqualTo("""
                    stream      pg
                    oldest      1:1 2026-01-01T00:00:00Z
                    newest      6:6 2026-01-01T00:05:00Z
                    checkpoint  3:8 2026-01-01T00:02:00Z
                    lag         3 commits, 18 records, 180000 ms
                    """);

            Cli.Result counted = cli.run("stream-info", "--endpoint", endpoint, "--stream", "pg", "--count-limit", "5");
            assertThat(counted.out()).endsWith("lag         6 commits, 5+ records (stopped counting at --count-limit), 300000 ms\n");

            Cli.Result empty = cli.run("stream-info", "--endpoint", endpoint, "--stream", "sparql");
            assertThat(empty.out()).isEqualTo("""
                    stream      sparql
                    oldest      none
                    newest      none
                    lag         0 commits, 0 records, 0 ms (the stream holds nothing)
                    """);
        }
    }
}
