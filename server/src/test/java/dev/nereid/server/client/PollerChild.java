package dev.nereid.server.client;

import dev.nereid.client.StreamClient;
import dev.nereid.client.StreamPath;
import dev.nereid.client.StreamRecord;
import dev.nereid.client.checkpoint.FileCheckpointStore;
import dev.nereid.client.checkpoint.JdbcCheckpointStore;
import dev.nereid.client.poller.Backoff;
import dev.nereid.client.poller.Checkpoint;
import dev.nereid.client.poller.RetryPolicy;
import dev.nereid.client.poller.StreamPoller;
import dev.nereid.client.poller.StreamTransaction;
import java.io.FileOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The consumer that {@link PollerKillIT} kills: two pollers on one stream, in a JVM of their own.
 * <ul>
 * <li>file: a file checkpoint and an idempotent handler, which logs each delivery (one write per line) and
 *     then writes the transaction to {@code mirror/<commitNum>} by atomic rename;</li>
 * <li>jdbc: exactly once, the transaction's row and the checkpoint in one transaction of an H2 server.</li>
 * </ul>
 * Arguments: endpoint, work directory, JDBC URL, page size, cycle, and the commitNum after which to stop
 * (0: run until killed).
 */
public final class PollerChild {

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        Path work = Path.of(args[1]);
        String jdbc = args[2];
        int pageSize = Integer.parseInt(args[3]);
        int cycle = Integer.parseInt(args[4]);
        long until = Long.parseLong(args[5]);
        Thread file = new Thread(() -> fileConsumer(endpoint, work, pageSize, cycle, until), "file-poller");
        Thread db = new Thread(() -> jdbcConsumer(endpoint, jdbc, pageSize, cycle, until), "jdbc-poller");
        file.start();
        db.start();
        file.join();
        db.join();
        System.out.println("done");
        System.exit(0);
    }

    static StreamPoller.Builder poller(URI endpoint, dev.nereid.client.poller.CheckpointStore store,
                                       dev.nereid.client.poller.TransactionHandler handler, int pageSize) {
        return StreamPoller.builder(StreamClient.of(endpoint, StreamPath.PROPERTYGRAPH), store, handler).pageSize(pageSize)
                .idleBackoff(Backoff.exponential(Duration.ofMillis(5), Duration.ofMillis(50)))
                // A restarting server refuses connections for a moment.
                .retry(new RetryPolicy(40, Backoff.exponential(Duration.ofMillis(10), Duration.ofMillis(250))));
    }

    private static void fileConsumer(URI endpoint, Path work, int pageSize, int cycle, long until) {
        try {
            Path mirror = Files.createDirectories(work.resolve("mirror"));
            FileCheckpointStore store = FileCheckpointStore.of(work.resolve("file.checkpoint"));
            try (FileOutputStream log = new FileOutputStream(work.resolve("deliveries-" + cycle + ".log").toFile(), true)) {
                line(log, "start " + store.load().map(Checkpoint::commitNum).orElse(0L));
                AtomicReference<StreamPoller> self = new AtomicReference<>();
                StreamPoller poller = poller(endpoint, store, t -> {
                    String text = text(t);
                    line(log, t.commitNum() + " " + t.records().size() + " " + digest(text));
                    Path temp = mirror.resolve(t.commitNum() + ".tmp");
                    Files.writeString(temp, text);
                    Files.move(temp, mirror.resolve(Long.toString(t.commitNum())), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                    stopAt(self.get(), t, until);
                }, pageSize).build();
                self.set(poller);
                poller.run();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void jdbcConsumer(URI endpoint, String jdbc, int pageSize, int cycle, long until) {
        try (JdbcCheckpointStore store = new JdbcCheckpointStore(() -> DriverManager.getConnection(jdbc), "kill-test")
                .createTableIfAbsent()) {
            AtomicReference<StreamPoller> self = new AtomicReference<>();
            StreamPoller poller = poller(endpoint, store, store.inTransaction((t, c) -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO delivered VALUES (?, ?, ?, ?)")) {
                    s.setLong(1, t.commitNum());
                    s.setInt(2, t.records().size());
                    s.setString(3, digest(text(t)));
                    s.setInt(4, cycle);
                    s.executeUpdate();
                }
                stopAt(self.get(), t, until);
            }), pageSize).build();
            self.set(poller);
            poller.run();
        } catch (IOException | java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void stopAt(StreamPoller poller, StreamTransaction t, long until) {
        if (until > 0 && t.commitNum() >= until) {
            poller.stop();
        }
    }

    /** The transaction's records as sent, one a line. */
    static String text(StreamTransaction t) {
        StringBuilder s = new StringBuilder();
        for (StreamRecord r : t.records()) {
            s.append(r.json()).append('\n');
        }
        return s.toString();
    }

    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One write per line: a kill leaves at most the last line cut short. */
    private static void line(FileOutputStream log, String line) throws IOException {
        log.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
