package dev.nereid.client.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nereid.client.poller.Checkpoint;
import dev.nereid.client.poller.StreamTransaction;
import dev.nereid.client.poller.TransactionHandler;
import dev.nereid.client.RawJson;
import dev.nereid.client.StreamRecord;
import dev.nereid.stream.EventId;
import dev.nereid.stream.Op;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On H2, a real database in files under a temporary directory, opened by the test. */
class JdbcCheckpointStoreTest {
    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
    }

    @Test
    void aCheckpointRoundTripsPerConsumerAndSurvivesReopening() throws Exception {
        try (JdbcCheckpointStore a = new JdbcCheckpointStore(() -> DriverManager.getConnection(url()), "a").createTableIfAbsent();
             JdbcCheckpointStore b = new JdbcCheckpointStore(() -> DriverManager.getConnection(url()), "b")) {
            assertThat(a.load()).isEmpty();
            a.save(new Checkpoint(new EventId(1, 3), 10));
            a.save(new Checkpoint(new EventId(2, 1), 20));
            b.save(new Checkpoint(new EventId(7, 7), 70));
        }
        try (JdbcCheckpointStore a = new JdbcCheckpointStore(() -> DriverManager.getConnection(url()), "a").createTableIfAbsent()) {
            assertThat(a.load()).contains(new Checkpoint(new EventId(2, 1), 20));
        }
        assertThat(rows("SELECT consumer, commit_num, op_num, commit_timestamp FROM nereid_stream_checkpoint ORDER BY consumer"))
                .containsExactly("a 2 1 20", "b 7 7 70");
    }

    @Test
    void inTransactionCommitsTheHandlersWritesWithTheCheckpointOrNeither() throws Exception {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE mirror (commit_num BIGINT, ops INT)");
        }
        try (JdbcCheckpointStore store = new JdbcCheckpointStore(() -> DriverManager.getConnection(url()),
                "mirror_checkpoints", "m").createTableIfAbsent()) {
            TransactionHandler handler = store.inTransaction((t, c) -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO mirror VALUES (" + t.commitNum() + ", " + t.records().size() + ")");
                }
                if (t.commitNum() == 2) {
                    throw new IllegalStateException("refused");
                }
            });
            assertThat(handler.savesCheckpoint()).isTrue();
            handler.handle(transaction(1, 2));
            assertThatThrownBy(() -> handler.handle(transaction(2, 1))).hasMessage("refused");
            assertThat(store.load()).contains(new Checkpoint(new EventId(1, 2), 1000));
            handler.handle(transaction(3, 1));
        }
        assertThat(rows("SELECT commit_num, ops FROM mirror ORDER BY commit_num")).containsExactly("1 2", "3 1");
        assertThat(rows("SELECT commit_num, op_num FROM mirror_checkpoints")).containsExactly("3 1");
    }

    @Test
    void tableNamesAreIdentifiersOnly() {
        assertThatThrownBy(() -> new JdbcCheckpointStore(() -> null, "t; DROP TABLE x", "c"))
                .hasMessage("not a plain SQL table name: t; DROP TABLE x");
    }

    private static StreamTransaction transaction(long commitNum, int size) {
        List<StreamRecord> records = new java.util.ArrayList<>();
        for (int i = 1; i <= size; i++) {
            RawJson data = RawJson.of("{\"stmt\":\"<a> <b> <c> .\\n\"}");
            records.add(new StreamRecord(new EventId(commitNum, i), 1000 * commitNum, Op.ADD, i == size, data, data));
        }
        return new StreamTransaction(commitNum, 1000 * commitNum, records);
    }

    private List<String> rows(String sql) throws Exception {
        List<String> rows = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? " " : "").append(r.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
