import dev.nereid.client.StreamClient;
import dev.nereid.client.StreamPath;
import dev.nereid.client.StreamRecord;
import dev.nereid.client.checkpoint.JdbcCheckpointStore;
import dev.nereid.client.poller.StreamPoller;
import dev.nereid.client.poller.StreamTransaction;
import dev.nereid.stream.Op;
import dev.nereid.stream.PgData;
import dev.nereid.stream.PgValue;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Mirrors a property-graph stream into four SQL tables, exactly once: each stream transaction is
 * applied in one database transaction together with the checkpoint, so the mirror never holds half
 * a transaction, nor one twice, however often the mirror is killed and restarted.
 *
 * <pre>
 * vertex_label    (id, label)                             one row per label of a vertex
 * vertex_property (id, name, prop_value, data_type)      one row per value (vertex properties are sets)
 * edge            (id, label, from_id, to_id)
 * edge_property   (id, name, prop_value, data_type)      one row per key
 * </pre>
 *
 * Records are Neptune's statements (spec §5.1): ADD inserts one, REMOVE deletes one. {@code run}
 * beside this file builds the client and starts this file with it and the H2 driver on the class path:
 *
 * <pre>
 * examples/mirror/run --endpoint http://localhost:8182 --jdbc jdbc:h2:./mirror-db/graph [--follow]
 * </pre>
 */
public class StreamMirror {

    public static void main(String[] args) throws Exception {
        String endpoint = null;
        String jdbc = null;
        boolean follow = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--endpoint" -> endpoint = args[++i];
                case "--jdbc" -> jdbc = args[++i];
                case "--follow" -> follow = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (endpoint == null || jdbc == null) {
            System.err.println("usage: StreamMirror --endpoint URL --jdbc JDBC_URL [--follow]");
            System.exit(2);
        }
        String url = jdbc;
        createTables(url);
        try (JdbcCheckpointStore store = new JdbcCheckpointStore(() -> DriverManager.getConnection(url), "mirror")
                .createTableIfAbsent()) {
            StreamPoller poller = StreamPoller.builder(StreamClient.of(URI.create(endpoint), StreamPath.PROPERTYGRAPH),
                    store, store.inTransaction(StreamMirror::apply)).build();
            long applied;
            if (follow) {
                // Ctrl-C: the transaction being applied finishes (or rolls back) before the process ends.
                Thread main = Thread.currentThread();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    poller.stop();
                    try {
                        main.join(10_000);
                    } catch (InterruptedException ignored) {
                        // exiting
                    }
                }));
                poller.run();
                applied = poller.stats().transactions();
            } else {
                applied = poller.drain();
            }
            System.out.println("applied " + applied + " transactions; checkpoint "
                    + store.load().map(Object::toString).orElse("none"));
        }
    }

    static void apply(StreamTransaction transaction, Connection c) throws SQLException {
        for (StreamRecord record : transaction.records()) {
            PgData d = record.pgData();
            boolean add = record.op() == Op.ADD;
            switch (d.type()) {
                case VERTEX_LABEL -> update(c, add ? "INSERT INTO vertex_label VALUES (?, ?)"
                        : "DELETE FROM vertex_label WHERE id = ? AND label = ?", d.id(), label(d));
                case VERTEX_PROPERTY -> update(c, add ? "INSERT INTO vertex_property VALUES (?, ?, ?, ?)"
                                : "DELETE FROM vertex_property WHERE id = ? AND name = ? AND prop_value = ? AND data_type = ?",
                        d.id(), d.key(), text(d.value()), d.value().dataType());
                case EDGE -> {
                    if (add) {
                        update(c, "INSERT INTO edge VALUES (?, ?, ?, ?)", d.id(), label(d), d.from(), d.to());
                    } else {
                        update(c, "DELETE FROM edge WHERE id = ?", d.id());
                    }
                }
                case EDGE_PROPERTY -> update(c, add ? "INSERT INTO edge_property VALUES (?, ?, ?, ?)"
                                : "DELETE FROM edge_property WHERE id = ? AND name = ? AND prop_value = ? AND data_type = ?",
                        d.id(), d.key(), text(d.value()), d.value().dataType());
            }
        }
    }

    private static String label(PgData d) {
        return (String) d.value().toJava();
    }

    /** Dates as epoch milliseconds, as the stream carries them; everything else as Java prints it. */
    private static String text(PgValue v) {
        return v instanceof PgValue.DateValue date ? Long.toString(date.epochMillis()) : String.valueOf(v.toJava());
    }

    private static void update(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            if (s.executeUpdate() != 1) {
                // A REMOVE names a statement that is present, an ADD one that is absent (spec §5.2).
                throw new SQLException("the mirror disagrees with the stream: " + sql + " " + String.join(", ", values)
                        + " changed no row");
            }
        }
    }

    private static void createTables(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS vertex_label (id VARCHAR(1000), label VARCHAR(1000), PRIMARY KEY (id, label))");
            s.execute("CREATE TABLE IF NOT EXISTS vertex_property (id VARCHAR(1000), name VARCHAR(1000), prop_value VARCHAR(10000), "
                    + "data_type VARCHAR(10), PRIMARY KEY (id, name, prop_value, data_type))");
            s.execute("CREATE TABLE IF NOT EXISTS edge (id VARCHAR(1000) PRIMARY KEY, label VARCHAR(1000), "
                    + "from_id VARCHAR(1000), to_id VARCHAR(1000))");
            s.execute("CREATE TABLE IF NOT EXISTS edge_property (id VARCHAR(1000), name VARCHAR(1000), prop_value VARCHAR(10000), "
                    + "data_type VARCHAR(10), PRIMARY KEY (id, name))");
        }
    }
}
