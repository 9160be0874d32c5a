package dev.nereid.server.gremlin;

import dev.nereid.server.CrashChild;
import dev.nereid.log.Durability;
import dev.nereid.log.FileChangeLog;
import dev.nereid.log.LogConfig;
import dev.nereid.log.LogCursor;
import dev.nereid.stream.Op;
import dev.nereid.stream.PgData;
import dev.nereid.stream.PgType;
import dev.nereid.stream.RecordCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kill -9 under concurrent Gremlin writers (DESIGN §3.5): each cycle starts the real server in a child
 * JVM on the same data directory, has four HTTP clients write one transaction per request (a vertex with
 * two properties, plus an edge to the writer's previous vertex), and kills the server at a random moment.
 * With the server down the parent reads the log: commitNums are dense, every commit is one whole
 * request, every acknowledged write is there. The next cycle's server must then serve every one of them.
 */
class GremlinCrashIT {

    private static final int CYCLES = 20;
    private static final int WRITERS = 4;

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyAcknowledgedWriteSurvivesAKillAndNoHalfTransactionIsEverVisible() throws Exception {
        Path data = temp.resolve("data");
        Random random = new Random(20261122);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            Child child = start(data, cycle);
            try {
                if (cycle > 0) {
                    assertServes(child, acknowledged);
                }
                write(child, cycle, 150 + random.nextInt(500), acknowledged);
            } finally {
                child.kill();
            }
            Map<String, Integer> stored = checkLog(data);
            for (String id : acknowledged) {
                assertThat(stored).as("acknowledged %s after cycle %d", id, cycle).containsKey(id);
            }
        }
        Child last = start(data, CYCLES);
        try {
            assertServes(last, acknowledged);
        } finally {
            last.kill();
        }
        assertThat(acknowledged).hasSizeGreaterThan(CYCLES * 5);
        System.out.printf("GremlinCrashIT: %d writes acknowledged over %d kills%n", acknowledged.size(), CYCLES);
    }

    /** The server started on {@code data} answers for every acknowledged vertex, with its edge. */
    private void assertServes(Child child, Set<String> acknowledged) throws Exception {
        String body = post(child, "g.V().hasLabel('w').id()").body();
        for (String id : acknowledged) {
            assertThat(body).as("served after restart").contains("\"" + id + "\"");
        }
    }

    private void write(Child child, int cycle, int millis, Set<String> acknowledged) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        List<String> refused = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < WRITERS; t++) {
            int thread = t;
            Thread writer = new Thread(() -> {
                for (int seq = 0; System.currentTimeMillis() < deadline; seq++) {
                    String id = id(cycle, thread, seq);
                    String script = "g.addV('w').property(id,'" + id + "').property('seq'," + seq + ").property('cycle'," + cycle + ")";
                    if (seq > 0) {
                        script += "\ng.V('" + id + "').addE('next').to(__.V('" + id(cycle, thread, seq - 1) + "')).property(id,'e-" + id + "')";
                    }
                    try {
                        HttpResponse<String> r = post(child, script);
                        if (r.statusCode() != 200) {
                            refused.add(r.statusCode() + " " + r.body());
                            return;
                        }
                        acknowledged.add(id);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            });
            writer.start();
            writers.add(writer);
        }
        Thread.sleep(millis);
        child.kill();
        for (Thread writer : writers) {
            writer.join(30_000);
        }
        assertThat(refused).as("writes the server refused in cycle %d", cycle).isEmpty();
    }

    private static String id(int cycle, int thread, int seq) {
        return "c" + cycle + "-t" + thread + "-" + seq;
    }

    private HttpResponse<String> post(Child child, String script) throws IOException, InterruptedException {
        String json = "{\"gremlin\":\"" + script.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
        return http.send(HttpRequest.newBuilder(URI.create(child.base + "/gremlin"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Reads the whole property-graph log: dense commitNums, and each commit exactly one request — its
     * vertex label, both properties and (after a writer's first) its edge, nothing else.
     *
     * @return the vertices written, by id, with their seq
     */
    private static Map<String, Integer> checkLog(Path data) throws IOException {
        Map<String, Integer> vertices = new HashMap<>();
        try (FileChangeLog log = FileChangeLog.open(data.resolve("propertygraph").resolve("log"),
                LogConfig.defaults().withDurability(Durability.NONE));
             LogCursor c = log.cursor(1, 1)) {
            long expected = 1;
            List<PgData> commit = new ArrayList<>();
            while (c.next()) {
                assertThat(c.commitNum()).as("dense commitNums").isEqualTo(expected);
                ByteBuffer record = c.record();
                assertThat(RecordCodec.op(record)).isEqualTo(Op.ADD);
                commit.add(RecordCodec.pgData(record));
                if (c.opNum() == c.recordCount()) {
                    checkOneRequest(commit, vertices);
                    commit.clear();
                    expected++;
                }
            }
            assertThat(commit).as("a partial commit at the end").isEmpty();
        }
        return vertices;
    }

    private static void checkOneRequest(List<PgData> commit, Map<String, Integer> vertices) {
        PgData label = commit.get(0);
        assertThat(label.type()).isEqualTo(PgType.VERTEX_LABEL);
        String id = label.id();
        Matcher m = Pattern.compile("c(\\d+)-t(\\d+)-(\\d+)").matcher(id);
        assertThat(m.matches()).as(id).isTrue();
        int seq = Integer.parseInt(m.group(3));
        Set<String> keys = new HashSet<>();
        for (PgData d : commit.subList(1, 3)) {
            assertThat(d.type()).isEqualTo(PgType.VERTEX_PROPERTY);
            assertThat(d.id()).isEqualTo(id);
            keys.add(d.key());
        }
        assertThat(keys).containsExactlyInAnyOrder("seq", "cycle");
        if (seq == 0) {
            assertThat(commit).hasSize(3);
        } else {
            assertThat(commit).hasSize(4);
            PgData edge = commit.get(3);
            assertThat(edge.type()).isEqualTo(PgType.EDGE);
            assertThat(edge.id()).isEqualTo("e-" + id);
            assertThat(edge.from()).isEqualTo(id);
            assertThat(edge.to()).isEqualTo("c" + m.group(1) + "-t" + m.group(2) + "-" + (seq - 1));
            assertThat(vertices).as("the edge's target was written before").containsKey(edge.to());
        }
        assertThat(vertices.put(id, seq)).as("vertex %s written twice", id).isNull();
    }

    private Child start(Path data, int cycle) throws Exception {
        CrashChild server = CrashChild.start(data, temp, cycle);
        return new Child(server, server.base());
    }

    private record Child(CrashChild server, String base) {
        void kill() throws InterruptedException {
            server.kill();
        }
    }
}
