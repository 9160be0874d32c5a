package dev.nereid.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nereid.client.StreamClient;
import dev.nereid.client.StreamPage;
import dev.nereid.client.StreamPath;
import dev.nereid.client.StreamRecord;
import dev.nereid.client.StreamServiceException;
import dev.nereid.server.TestServer;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.IteratorType;
import dev.nereid.stream.StreamRequest;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pollers in a child JVM ({@link PollerChild}) read a real server from TRIM_HORIZON while commits keep
 * coming; the child is killed with SIGKILL at random moments and started again from its checkpoints, and
 * in one cycle the server itself is restarted under it. At the end:
 * <ul>
 * <li>the idempotent consumer's mirror holds every transaction exactly once, each whole; its delivery log
 *     shows each run continuing right after its checkpoint, so a transaction was ever handled twice only
 *     when a kill fell between the handler and the checkpoint, and only the one;</li>
 * <li>the exactly-once consumer's table, where a second delivery would be a second row, holds every
 *     transaction exactly once.</li>
 * </ul>
 */
class PollerKillIT {
    static final int BACKLOG = 1200;
    static final int LIVE = 600;
    static final int KILLS = 7;
    static final int RESTART_CYCLE = 3;
    static final int PAGE_SIZE = 7;

    @TempDir
    Path temp;

    private volatile TestServer server;
    private final Object writeLock = new Object();

    @Test
    void killedAtRandomAndRestartedPollersDeliverEveryTransactionOnceAndWhole() throws Exception {
        Random random = new Random(20260707);
        Path data = temp.resolve("data");
        Path work = Files.createDirectories(temp.resolve("work"));
        Path logs = Files.createDirectories(temp.resolve("logs"));
        server = TestServer.start(data);
        int dbPort = freePort();
        Server db = Server.createTcpServer("-tcpPort", Integer.toString(dbPort), "-ifNotExists",
                "-baseDir", temp.resolve("h2").toString()).start();
        String jdbc = "jdbc:h2:tcp://127.0.0.1:" + dbPort + "/mirror";
        try (FaultProxy proxy = new FaultProxy(server.server.port(), n -> FaultProxy.PASS)) {
            try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE delivered (commit_num BIGINT, records INT, digest VARCHAR(32), cycle INT)");
            }
            StreamLoad.append(server.pg(), BACKLOG, random);
            Thread writer = new Thread(() -> {
                Random r = new Random(99);
                for (int i = 0; i < LIVE; i++) {
                    synchronized (writeLock) {
                        StreamLoad.append(server.pg(), 1, r);
                    }
                    sleep(3);
                }
            }, "writer");
            writer.start();
            for (int cycle = 0; cycle < KILLS; cycle++) {
                Process child = start(proxy.endpoint(), work, jdbc, cycle, 0, logs);
                sleep(400 + random.nextInt(1000));
                if (cycle == RESTART_CYCLE) {
                    synchronized (writeLock) {
                        server.close();
                        server = TestServer.start(data);
                        proxy.upstream(server.server.port());
                    }
                    sleep(300 + random.nextInt(500));
                }
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            writer.join();
            long last = BACKLOG + LIVE;
            assertThat(server.lastPgCommit()).isEqualTo(last);
            Process finisher = start(proxy.endpoint(), work, jdbc, KILLS, last, logs);
            assertThat(finisher.waitFor(90, TimeUnit.SECONDS)).as("the last run catches up").isTrue();
            assertThat(finisher.exitValue()).as("see logs/child-" + KILLS + ".err").isZero();

            Map<Long, String> stream = streamDigests(proxy.endpoint());
            assertThat(stream).hasSize((int) last);
            int redelivered = checkIdempotentConsumer(work, stream);
            checkExactlyOnceConsumer(jdbc, stream);
            System.out.printf("PollerKillIT: %d transactions, %d kills and a server restart; the idempotent consumer "
                    + "handled %d transactions twice%n", last, KILLS, redelivered);
        } finally {
            db.stop();
            server.close();
        }
    }

    /** @return how many transactions the file consumer handled twice */
    private int checkIdempotentConsumer(Path work, Map<Long, String> stream) throws Exception {
        try (Stream<Path> files = Files.list(work.resolve("mirror"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".tmp")).count())
                    .isEqualTo(stream.size());
        }
        for (Map.Entry<Long, String> e : stream.entrySet()) {
            String text = Files.readString(work.resolve("mirror").resolve(e.getKey().toString()));
            assertThat(PollerChild.digest(text)).as("mirror of commit %d", e.getKey()).isEqualTo(e.getValue());
        }
        int redelivered = 0;
        long previousLast = 0;
        for (int cycle = 0; cycle <= KILLS; cycle++) {
            Path file = work.resolve("deliveries-" + cycle + ".log");
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = completeLines(Files.readAllBytes(file));
            if (lines.isEmpty()) {
                continue;
            }
            assertThat(lines.get(0)).startsWith("start ");
            long checkpoint = Long.parseLong(lines.get(0).substring("start ".length()));
            // The checkpoint is never ahead of what was handled, and at most one transaction behind it.
            assertThat(checkpoint).as("checkpoint at the start of run %d", cycle)
                    .isBetween(Math.max(0, previousLast - 1), previousLast);
            redelivered += (int) (previousLast - checkpoint);
            long expected = checkpoint + 1;
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(" ");
                long c = Long.parseLong(f[0]);
                assertThat(c).as("run %d continues right after its checkpoint, in order", cycle).isEqualTo(expected);
                assertThat(f[2]).as("commit %d delivered whole", c).isEqualTo(stream.get(c));
                expected++;
            }
            previousLast = expected - 1;
        }
        assertThat(previousLast).isEqualTo(stream.size());
        return redelivered;
    }

    private void checkExactlyOnceConsumer(String jdbc, Map<Long, String> stream) throws Exception {
        Map<Long, String> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT commit_num, digest FROM delivered")) {
            while (r.next()) {
                String before = rows.put(r.getLong(1), r.getString(2));
                assertThat(before).as("commit %d delivered a second time", r.getLong(1)).isNull();
            }
        }
        assertThat(rows).isEqualTo(stream);
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT commit_num FROM nereid_stream_checkpoint WHERE consumer = 'kill-test'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getLong(1)).isEqualTo(stream.size());
        }
    }

    /** Each commit's digest as the consumers compute it, from the stream itself. */
    private static Map<Long, String> streamDigests(String endpoint) throws Exception {
        StreamClient client = StreamClient.of(URI.create(endpoint), StreamPath.PROPERTYGRAPH);
        Map<Long, StringBuilder> texts = new java.util.TreeMap<>();
        StreamRequest request = new StreamRequest(IteratorType.TRIM_HORIZON, -1, 1, 100_000);
        while (true) {
            StreamPage page;
            try {
                page = client.read(request);
            } catch (StreamServiceException e) {
                assertThat(e.errorCode()).isEqualTo(ErrorCode.STREAM_RECORDS_NOT_FOUND);
                break;
            }
            for (StreamRecord r : page.records()) {
                texts.computeIfAbsent(r.commitNum(), k -> new StringBuilder()).append(r.json()).append('\n');
            }
            request = new StreamRequest(IteratorType.AFTER_SEQUENCE_NUMBER, page.lastEventId().commitNum(),
                    page.lastEventId().opNum(), 100_000);
        }
        Map<Long, String> digests = new java.util.TreeMap<>();
        texts.forEach((c, t) -> digests.put(c, PollerChild.digest(t.toString())));
        return digests;
    }

    /** Lines ended by a newline; a kill may cut the last one short. */
    private static List<String> completeLines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(lines.size() - 1);
        return lines;
    }

    private static Process start(String endpoint, Path work, String jdbc, int cycle, long until, Path logs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                PollerChild.class.getName(), endpoint, work.toString(), jdbc, Integer.toString(PAGE_SIZE),
                Integer.toString(cycle), Long.toString(until))
                .redirectOutput(logs.resolve("child-" + cycle + ".out").toFile())
                .redirectError(logs.resolve("child-" + cycle + ".err").toFile())
                .start();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
