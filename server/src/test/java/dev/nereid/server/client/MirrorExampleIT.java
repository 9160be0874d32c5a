package dev.nereid.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nereid.server.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example of the README, examples/mirror/StreamMirror.java, run as a person runs it (Java's source
 * launcher) against Gremlin writes to a real server: the SQL mirror holds the graph after each run.
 */
class MirrorExampleIT {
    static final Path EXAMPLE = Path.of("").toAbsolutePath().getParent().resolve("examples/mirror/StreamMirror.java");

    @TempDir
    Path dir;

    @Test
    void theMirrorFollowsTheGraphRunAfterRun() throws Exception {
        assertThat(EXAMPLE).exists();
        String jdbc = "jdbc:h2:file:" + dir.resolve("mirror").toAbsolutePath();
        try (TestServer server = TestServer.start(dir.resolve("data"))) {
            String endpoint = "http://127.0.0.1:" + server.server.port();
            gremlin(server, "g.addV('person').property(id,'a').property('name','ann').property('age',40)");
            gremlin(server, "g.addV('person').property(id,'b').property('name','bob')");
            gremlin(server, "g.V('a').addE('knows').to(__.V('b')).property(id,'k1').property('since',2020)");
            assertThat(run(endpoint, jdbc)).isEqualTo("applied 3 transactions; checkpoint 3:2\n");
            assertThat(rows(jdbc, "SELECT * FROM vertex_label ORDER BY id")).containsExactly("a person", "b person");
            assertThat(rows(jdbc, "SELECT * FROM vertex_property ORDER BY id, name"))
                    .containsExactly("a age 40 Int", "a name ann String", "b name bob String");
            assertThat(rows(jdbc, "SELECT * FROM edge")).containsExactly("k1 knows a b");
            assertThat(rows(jdbc, "SELECT * FROM edge_property")).containsExactly("k1 since 2020 Int");

            gremlin(server, "g.V('a').property(single,'age',41)");
            gremlin(server, "g.V('b').drop()");
            assertThat(run(endpoint, jdbc)).isEqualTo("applied 2 transactions; checkpoint 5:4\n");
            assertThat(rows(jdbc, "SELECT * FROM vertex_label")).containsExactly("a person");
            assertThat(rows(jdbc, "SELECT * FROM vertex_property ORDER BY name"))
                    .containsExactly("a age 41 Int", "a name ann String");
            assertThat(rows(jdbc, "SELECT * FROM edge")).isEmpty();
            assertThat(rows(jdbc, "SELECT * FROM edge_property")).isEmpty();
        }
    }

    private static void gremlin(TestServer server, String script) {
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.uri("/gremlin"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"gremlin\":\"" + script + "\"}")).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private String run(String endpoint, String jdbc) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = Files.createTempFile(dir, "mirror", ".out");
        Path err = Files.createTempFile(dir, "mirror", ".err");
        Process p = new ProcessBuilder(java, "-cp", exampleClassPath(), EXAMPLE.toString(),
                "--endpoint", endpoint, "--jdbc", jdbc).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        return Files.readString(out);
    }

    /** The client, what it needs and the JDBC driver, and nothing else: what examples/mirror/run puts there. */
    private static String exampleClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String p = entry.replace('\\', '/');
            if (p.contains("/client/") || p.contains("/stream/") || p.contains("jackson-core") || p.contains("/h2-")
                    || p.matches(".*/(client|stream)-[^/]*\\.jar")) {
                entries.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static List<String> rows(String jdbc, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(r.getString(i));
                }
                rows.add(String.join(" ", cells));
            }
        }
        return rows;
    }
}
