package dev.nereid.bench.sparql;

import dev.nereid.bench.gremlin.ChildServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The time of one update inserting a million triples, on a server in a fresh JVM that has served nothing
 * before: a first bulk load, as an application does it. The body is built and encoded once, before any
 * clock starts, and the same bytes go to every server. Afterwards the server must count exactly the
 * triples inserted, and Nereid must have taken commit 1 for it: one update, one transaction.
 */
final class BulkInsert {
    static final List<SparqlServer> SERVERS = List.of(SparqlServer.NEREID, SparqlServer.FUSEKI);

    /**
     * One server's bulk update.
     *
     * @param nanos          from sending the request until the answer arrived
     * @param cpuNanos       CPU time the server's JVM used meanwhile, all its threads; -1 if unknown
     * @param peakRssBytes   the server JVM's peak resident memory over its whole life; -1 if unknown
     * @param counted        the triples the server counted afterwards; -1 if it could not
     * @param commitNum      the commitNum Nereid answered; 0 for Fuseki
     * @param failure        why the update was not acknowledged or could not be counted, or null
     */
    record Run(SparqlServer server, int triples, long bodyBytes, long nanos, long cpuNanos, long peakRssBytes,
               long counted, long commitNum, String failure) {

        double seconds() {
            return nanos / 1e9;
        }

        boolean verified() {
            return failure == null && counted == triples && (!server.isNereid() || commitNum == 1);
        }
    }

    private BulkInsert() {
    }

    /** {@code runs} rounds of every server in turn, each in a fresh JVM started with {@code jvmOptions}. */
    static List<Run> measure(int triples, int runs, List<String> jvmOptions, Duration timeout)
            throws IOException, InterruptedException {
        long built = System.nanoTime();
        byte[] body = InsertData.bulk(triples).getBytes(StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "bulk update: %,d triples, %,d bytes, built in %.1f s%n", triples, body.length,
                (System.nanoTime() - built) / 1e9);
        List<Run> measured = new ArrayList<>();
        for (int r = 1; r <= runs; r++) {
            for (SparqlServer server : SERVERS) {
                Run run = once(server, triples, body, jvmOptions, timeout);
                System.out.printf(Locale.ROOT, "bulk %d: %s %.2f s, %,d triples counted, peak RSS %s%s%n", r,
                        server.mark(), run.seconds(), run.counted(), megabytes(run.peakRssBytes()),
                        run.failure() == null ? "" : ", FAILED: " + run.failure());
                measured.add(run);
            }
        }
        return measured;
    }

    private static Run once(SparqlServer server, int triples, byte[] body, List<String> jvmOptions, Duration timeout)
            throws IOException, InterruptedException {
        try (ChildServer child = server.start(jvmOptions)) {
            SparqlClient client = new SparqlClient(server, "127.0.0.1", child.port());
            long cpuBefore = child.cpuNanos();
            long start = System.nanoTime();
            long commitNum = -1;
            String failure = null;
            try {
                commitNum = client.update(body, timeout);
            } catch (IOException e) {
                // Kept for the report: a server that cannot take the update is a finding, not a crash of the run.
                failure = e.toString();
            }
            long nanos = System.nanoTime() - start;
            long cpuAfter = child.cpuNanos();
            long counted = -1;
            try {
                counted = client.count(InsertData.COUNT_QUERY);
            } catch (IOException e) {
                failure = failure != null ? failure : "the count afterwards failed: " + e;
            }
            return new Run(server, triples, body.length, nanos, cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore,
                    peakRssBytes(child.pid()), counted, commitNum, failure);
        }
    }

    /** A process's peak resident set ({@code VmHWM}), from Linux's /proc; -1 elsewhere. */
    private static long peakRssBytes(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux, or the process is gone: the figure is optional.
        }
        return -1;
    }

    static String megabytes(long bytes) {
        return bytes < 0 ? "-" : String.format(Locale.ROOT, "%,.0f MB", bytes / 1e6);
    }
}
