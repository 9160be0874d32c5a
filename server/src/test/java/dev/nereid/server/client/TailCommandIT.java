package dev.nereid.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nereid.server.SpecExamples;
import dev.nereid.server.TestServer;
import dev.nereid.stream.Op;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./nereid tail} in a child JVM, its stdout compared byte for byte with the stream's HTTP pages. */
class TailCommandIT {
    @TempDir
    static Path dir;
    static TestServer server;
    static String endpoint;
    static Cli cli;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir.resolve("data"));
        SpecExamples.propertyGraph(server.pg(), server.clock);
        SpecExamples.rdfFirstCommit(server.sparql(), server.clock);
        TestServer.append(server.sparql(), Op.ADD, TestServer.stmt("<http://example.org/s> <http://example.org/city> "
                + "\"Kraków ✓ \uD83D\uDE00\" .\n"), Op.REMOVE, TestServer.stmt("<http://example.org/s> <http://example.org/p> \"a\" .\n"));
        endpoint = "http://127.0.0.1:" + server.server.port();
        cli = new Cli(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void jsonPrintsEachRecordExactlyAsTheServerSentIt() throws Exception {
        Cli.Result r = cli.run("tail", "--endpoint", endpoint, "--stream", "propertygraph", "--page-size", "4");
        assertThat(r.exit()).as(r.stderr()).isZero();
        byte[] expected = HttpPages.lines(endpoint, "/propertygraph/stream", "iteratorType=TRIM_HORIZON", 4);
        assertThat(r.stdout()).isEqualTo(expected);
        assertThat(r.out().lines()).hasSize(38);
        assertThat(r.stderr()).doesNotContain("tail:");
    }

    @Test
    void multiByteTextPassesThroughUntouchedWhateverTheLocale() throws Exception {
        Cli.Result r = cli.run("tail", "--endpoint", endpoint, "--stream", "sparql", "--page-size", "2");
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stdout()).isEqualTo(HttpPages.lines(endpoint, "/sparql/stream", "iteratorType=TRIM_HORIZON", 2));
        assertThat(r.out()).contains("Kraków ✓ \uD83D\uDE00");
    }

    @Test
    void fromAndMaxRecordsChooseTheSlice() throws Exception {
        Cli.Result r = cli.run("tail", "--endpoint", endpoint, "--stream", "pg", "--from", "2:3", "--max-records", "5",
                "--page-size", "3");
        assertThat(r.exit()).as(r.stderr()).isZero();
        byte[] all = HttpPages.lines(endpoint, "/pg/stream", "iteratorType=AT_SEQUENCE_NUMBER&commitNum=2&opNum=3", 100);
        assertThat(r.stdout()).isEqualTo(firstLines(all, 5));
        assertThat(r.out().lines().map(l -> l.substring(0, 40)))
                .allMatch(l -> l.startsWith("{\"eventId\":{\"commitNum\":2") || l.startsWith("{\"eventId\":{\"commitNum\":3"));

        Cli.Result latest = cli.run("tail", "--endpoint", endpoint, "--stream", "propertygraph", "--from", "LATEST");
        assertThat(latest.out()).isEqualTo("{\"eventId\":{\"commitNum\":6,\"opNum\":6},\"commitTimestamp\":1767225900000,"
                + "\"data\":{\"id\":\"p1\",\"type\":\"vl\",\"key\":\"label\",\"value\":{\"value\":\"Manager\",\"dataType\":\"String\"}},"
                + "\"op\":\"REMOVE\",\"isLastOp\":true}\n");
    }

    @Test
    void textIsALineForAPerson() throws Exception {
        Cli.Result r = cli.run("tail", "--endpoint", endpoint, "--stream", "propertygraph", "--format", "text",
                "--max-records", "9");
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.out()).isEqualTo("""
                1:1 2026-01-01T00:00:00Z ADD vl v1 label person
                1:2 2026-01-01T00:00:00Z ADD vl v1 label employee
                1:3 2026-01-01T00:00:00Z ADD vl v2 label person
                1:4 2026-01-01T00:00:00Z ADD vp v1 name "marko"
                1:5 2026-01-01T00:00:00Z ADD vp v1 age 29 Int
                1:6 2026-01-01T00:00:00Z ADD vp v2 name "vadas"
                1:7 2026-01-01T00:00:00Z ADD e e1 label knows v1→v2
                1:8 2026-01-01T00:00:00Z ADD ep e1 weight 0.5 Double *
                2:1 2026-01-01T00:01:00Z REMOVE vp v1 age 29 Int
                """);
        Cli.Result rdf = cli.run("tail", "--endpoint", endpoint, "--stream", "sparql", "--format", "text", "--from", "1:3");
        assertThat(rdf.out()).isEqualTo("""
                1:3 2026-01-01T01:00:00Z ADD <http://example.org/s> <http://example.org/n> "5"^^<http://www.w3.org/2001/XMLSchema#int> <http://example.org/g> . *
                2:1 2026-01-01T01:00:00Z ADD <http://example.org/s> <http://example.org/city> "Kraków ✓ \uD83D\uDE00" .
                2:2 2026-01-01T01:00:00Z REMOVE <http://example.org/s> <http://example.org/p> "a" . *
                """);
    }

    @Test
    void aCheckpointFileResumesAfterTheLastRecordPrinted() throws Exception {
        Path checkpoint = dir.resolve("tail.checkpoint");
        String[] args = {"tail", "--endpoint", endpoint, "--stream", "propertygraph", "--checkpoint", checkpoint.toString(),
                "--max-records", "13", "--page-size", "4", "--from", "TRIM_HORIZON"};
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Cli.Result run = cli.run(args);
        printed.write(run.stdout());
        assertThat(Files.readString(checkpoint)).isEqualTo("{\"commitNum\":3,\"opNum\":1,\"commitTimestamp\":1767225720000}\n");
        // 38 records: 13, 13, then the last 12 and caught up. --from applies only while there is no checkpoint.
        args[args.length - 1] = "LATEST";
        for (int expected : new int[] {13, 12}) {
            run = cli.run(args);
            assertThat(run.exit()).isZero();
            assertThat(run.out().lines()).hasSize(expected);
            printed.write(run.stdout());
        }
        assertThat(printed.toByteArray()).isEqualTo(HttpPages.lines(endpoint, "/propertygraph/stream",
                "iteratorType=TRIM_HORIZON", 100));
        assertThat(Files.readString(checkpoint)).isEqualTo("{\"commitNum\":6,\"opNum\":6,\"commitTimestamp\":1767225900000}\n");
    }

    @Test
    void followKeepsPrintingNewRecordsAndReportsProgressThroughABacklog() throws Exception {
        try (TestServer s = TestServer.start(dir.resolve("follow"))) {
            StreamLoad.append(s.pg(), 300, new Random(3));
            String e = "http://127.0.0.1:" + s.server.port();
            Path checkpoint = dir.resolve("follow.checkpoint");
            Process p = cli.start("tail", "--endpoint", e, "--stream", "propertygraph", "--follow", "--page-size", "50",
                    "--checkpoint", checkpoint.toString(), "--progress-interval-ms", "0");
            byte[] backlog = HttpPages.lines(e, "/propertygraph/stream", "iteratorType=TRIM_HORIZON", 1000);
            waitForOutput(backlog.length);
            // Appending before tail has polled once more would let it print the new records with no caught-up poll
            // in between, and a kill right after that output would beat the line.
            waitForStderr("tail: caught up after");
            StreamLoad.append(s.pg(), 2, new Random(4));
            byte[] all = HttpPages.lines(e, "/propertygraph/stream", "iteratorType=TRIM_HORIZON", 1000);
            waitForOutput(all.length);
            p.destroy();
            assertThat(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(cli.stdout()).isEqualTo(all);
            String stderr = cli.stderr();
            assertThat(stderr).containsPattern("tail: [0-9,]+ records, at \\d+:\\d+ \\(2026-01-01T00:00:00Z\\), [0-9,]+ commits "
                    + "behind 300:\\d+");
            assertThat(stderr).containsPattern("tail: caught up after [0-9,]+ records, at 300:\\d+");
            assertThat(Files.readString(checkpoint)).startsWith("{\"commitNum\":302,");
        }
    }

    @Test
    void failuresAreExplainedOnStderrWithExitStatusOne() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Cli.Result refused = cli.run("tail", "--endpoint", "http://127.0.0.1:" + closed, "--stream", "propertygraph",
                "--max-attempts", "2");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.stderr()).containsPattern("tail: ConnectException; retrying in \\d+ ms \\(attempt 2 of 2\\)");
        assertThat(refused.stderr()).contains("tail: gave up reading TRIM_HORIZON after 2 attempts; last failure: ConnectException");

        try (TestServer off = TestServer.start(dir.resolve("off"), c -> c.withStreamsEnabled(false))) {
            Cli.Result disabled = cli.run("tail", "--endpoint", "http://127.0.0.1:" + off.server.port(), "--stream", "sparql");
            assertThat(disabled.exit()).isEqualTo(1);
            assertThat(disabled.stderr()).containsPattern("tail: 400 UnsupportedOperationException: Streams are not "
                    + "enabled on this server \\(requestId [0-9a-f-]{36}\\)");
        }
        Cli.Result usage = cli.run("tail", "--endpoint", endpoint, "--stream", "propertygraph", "--from", "yesterday");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.stderr()).startsWith("--from: expected TRIM_HORIZON, LATEST, COMMITNUM or COMMITNUM:OPNUM, was 'yesterday'");
    }

    private static void waitForOutput(int bytes) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (cli.stdout().length < bytes) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("tail printed " + cli.stdout().length + " of " + bytes + " bytes; stderr: "
                        + cli.stderr());
            }
            Thread.sleep(20);
        }
    }

    private static void waitForStderr(String text) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!cli.stderr().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("tail never printed '" + text + "'; stderr: " + cli.stderr());
            }
            Thread.sleep(20);
        }
    }

    private static byte[] firstLines(byte[] text, int n) {
        int end = 0;
        for (int i = 0; i < n; i++) {
            end = indexOfNewline(text, end) + 1;
        }
        return Arrays.copyOf(text, end);
    }

    private static int indexOfNewline(byte[] text, int from) {
        for (int i = from; i < text.length; i++) {
            if (text[i] == '\n') {
                return i;
            }
        }
        throw new AssertionError("fewer lines than asked: " + new String(text, StandardCharsets.UTF_8));
    }
}
