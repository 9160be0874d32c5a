package dev.nereid.client.checkpoint;

import dev.nereid.client.poller.Checkpoint;
import dev.nereid.client.poller.CheckpointStore;
import dev.nereid.client.poller.StreamTransaction;
import dev.nereid.client.poller.TransactionHandler;
import dev.nereid.stream.EventId;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checkpoints in a database table, one row per consumer name, written with plain SQL that H2,
 * PostgreSQL, MySQL and SQLite all accept:
 *
 * <pre>
 * CREATE TABLE IF NOT EXISTS nereid_stream_checkpoint (
 *   consumer VARCHAR(200) PRIMARY KEY, commit_num BIGINT NOT NULL, op_num BIGINT NOT NULL,
 *   commit_timestamp BIGINT NOT NULL)
 * </pre>
 *
 * <p>For exactly-once delivery, {@link #inTransaction} runs the handler's writes and the checkpoint in
 * one database transaction: either both are committed or neither, so a transaction is applied once
 * whatever the moment the consumer dies.
 *
 * <p>The store keeps one connection, opened on first use and opened again after a failure; one poller
 * (one thread) per store.
 */
public final class JdbcCheckpointStore implements CheckpointStore, AutoCloseable {
    public static final String DEFAULT_TABLE = "nereid_stream_checkpoint";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    /** Opens a connection, e.g. {@code dataSource::getConnection} or {@code () -> DriverManager.getConnection(url)}. */
    @FunctionalInterface
    public interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    /** A handler whose writes go through the store's connection, in the transaction that saves the checkpoint. */
    @FunctionalInterface
    public interface JdbcTransactionHandler {
        void handle(StreamTransaction transaction, Connection connection) throws Exception;
    }

    private final ConnectionFactory connections;
    private final String consumer;
    private final String select;
    private final String update;
    private final String insert;
    private final String create;
    private Connection connection;

    /**
     * @param table    a plain or schema-qualified SQL identifier
     * @param consumer the row's key: one per poller
     */
    public JdbcCheckpointStore(ConnectionFactory connections, String table, String consumer) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        if (!IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("not a plain SQL table name: " + table);
        }
        this.select = "SELECT commit_num, op_num, commit_timestamp FROM " + table + " WHERE consumer = ?";
        this.update = "UPDATE " + table + " SET commit_num = ?, op_num = ?, commit_timestamp = ? WHERE consumer = ?";
        this.insert = "INSERT INTO " + table + " (commit_num, op_num, commit_timestamp, consumer) VALUES (?, ?, ?, ?)";
        this.create = "CREATE TABLE IF NOT EXISTS " + table + " (consumer VARCHAR(200) PRIMARY KEY, "
                + "commit_num BIGINT NOT NULL, op_num BIGINT NOT NULL, commit_timestamp BIGINT NOT NULL)";
    }

    public JdbcCheckpointStore(ConnectionFactory connections, String consumer) {
        this(connections, DEFAULT_TABLE, consumer);
    }

    /** Creates the table unless it exists. */
    public synchronized JdbcCheckpointStore createTableIfAbsent() throws IOException {
        run(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(create);
            }
            return null;
        });
        return this;
    }

    @Override
    public synchronized Optional<Checkpoint> load() throws IOException {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement(select)) {
                s.setString(1, consumer);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Checkpoint(new EventId(r.getLong(1), r.getLong(2)), r.getLong(3)));
                }
            }
        });
    }

    @Override
    public synchronized void save(Checkpoint checkpoint) throws IOException {
        run(c -> {
            save(c, checkpoint);
            return null;
        });
    }

    /**
     * Saves within the caller's transaction on {@code connection}; the caller commits. Update, then insert
     * if there was no row: portable, and one consumer never races itself.
     */
    public void save(Connection connection, Checkpoint checkpoint) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(update)) {
            bind(s, checkpoint);
            if (s.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement s = connection.prepareStatement(insert)) {
            bind(s, checkpoint);
            s.executeUpdate();
        }
    }

    /**
     * A handler for exactly-once delivery: {@code handler}'s writes and the transaction's checkpoint are
     * committed together, on the store's connection. Give the poller this store and this handler.
     */
    public TransactionHandler inTransaction(JdbcTransactionHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return new TransactionHandler() {
            @Override
            public void handle(StreamTransaction transaction) throws Exception {
                synchronized (JdbcCheckpointStore.this) {
                    run(c -> {
                        handler.handle(transaction, c);
                        save(c, transaction.checkpoint());
                        return null;
                    });
                }
            }

            @Override
            public boolean savesCheckpoint() {
                return true;
            }
        };
    }

    private void bind(PreparedStatement s, Checkpoint checkpoint) throws SQLException {
        s.setLong(1, checkpoint.commitNum());
        s.setLong(2, checkpoint.opNum());
        s.setLong(3, checkpoint.commitTimestamp());
        s.setString(4, consumer);
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws Exception;
    }

    /** One database transaction: committed if {@code work} returns, rolled back if it throws. */
    private <T> T run(Work<T> work) throws IOException {
        Connection c;
        try {
            c = connection();
        } catch (SQLException e) {
            throw new IOException("cannot connect to the checkpoint database", e);
        }
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (Exception e) {
            rollback(c);
            if (e instanceof SQLException) {
                throw new IOException("checkpoint database: " + e.getMessage(), e);
            }
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new HandlerException(e);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection c = connections.open();
            c.setAutoCommit(false);
            connection = c;
        }
        return connection;
    }

    /** After a failure the connection may be broken: drop it, the next call opens another. */
    private void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // closed below
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to do
        }
        connection = null;
    }

    @Override
    public synchronized void close() throws SQLException {
        if (connection != null) {
            try {
                connection.close();
            } finally {
                connection = null;
            }
        }
    }

    /** Carries a handler's checked exception through {@link #run}. */
    private static final class HandlerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HandlerException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
