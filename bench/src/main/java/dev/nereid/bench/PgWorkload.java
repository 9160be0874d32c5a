package dev.nereid.bench;

import dev.nereid.log.ChangeLog;
import dev.nereid.stream.Op;
import dev.nereid.stream.PgData;
import dev.nereid.stream.PgValue;
import dev.nereid.stream.RecordCodec;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A deterministic stream of property-graph commits shaped like an application's writes: vertices
 * created with a label and properties, edges with properties, properties replaced (REMOVE old, ADD
 * new) and elements dropped, 1 to 20 records per commit, values of every common Gremlin type.
 * Records are stored as the engines store them ({@link RecordCodec} over {@link PgData#toJson()}),
 * so page rendering copies exactly what it would in production.
 *
 * <p>The same seed gives the same records, so a baseline and its subject see identical bytes.
 */
public final class PgWorkload {
    public static final int MAX_RECORDS_PER_COMMIT = 20;

    private static final String[] VERTEX_LABELS = {"person", "account", "device", "order", "product", "city"};
    private static final String[] EDGE_LABELS = {"knows", "owns", "bought", "livesIn", "uses", "follows"};
    private static final String[] FIRST_NAMES = {"marko", "vadas", "josh", "peter", "ann", "bob", "chen", "dilnoza",
            "élodie", "ingrid", "kwame", "lucía", "mateus", "noor", "oksana", "ravi"};
    private static final String[] LAST_NAMES = {"rodriguez", "okafor", "nakamura", "müller", "svensson", "haddad",
            "kowalski", "fernández", "thompson", "ivanova"};
    private static final String[] CITIES = {"Lisbon", "Nairobi", "Osaka", "Montréal", "Kraków", "Medellín",
            "Seattle", "Tbilisi"};
    private static final long EPOCH_2026 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    private final SplittableRandom random;
    private long vertices;
    private long edges;

    public PgWorkload(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** What {@link #fill} appended. */
    public record Filled(long commits, long records, long recordBytes) {
        public double averageRecordBytes() {
            return records == 0 ? 0 : (double) recordBytes / records;
        }
    }

    /** Appends commits from a workload with this seed until the log holds at least {@code minRecords} more records. */
    public static Filled fill(ChangeLog log, long minRecords, long seed) throws IOException {
        PgWorkload workload = new PgWorkload(seed);
        long commits = 0;
        long records = 0;
        long bytes = 0;
        while (records < minRecords) {
            List<byte[]> commit = workload.nextCommit();
            log.append(commit);
            commits++;
            records += commit.size();
            for (byte[] r : commit) {
                bytes += r.length;
            }
        }
        return new Filled(commits, records, bytes);
    }

    /** One transaction's net changes, 1 to 20 records. */
    public List<byte[]> nextCommit() {
        int size = 1 + random.nextInt(MAX_RECORDS_PER_COMMIT);
        List<byte[]> records = new ArrayList<>(size);
        while (records.size() < size) {
            int room = size - records.size();
            int kind = random.nextInt(100);
            if (kind < 40 || vertices < 2) {
                addVertex(records, room);
            } else if (kind < 65) {
                addEdge(records, room);
            } else if (kind < 90) {
                replaceProperty(records, room);
            } else {
                dropEdge(records, room);
            }
        }
        return records;
    }

    /**
     * The typical small commit of the append benchmark: a new vertex with its label and three
     * properties, four records of about 150 bytes each. Its id is a UUID, as Neptune assigns one to
     * a vertex created without an id.
     */
    public List<byte[]> smallCommit() {
        String id = new UUID(random.nextLong(), random.nextLong()).toString();
        String name = name();
        String city = pick(CITIES);
        List<byte[]> records = new ArrayList<>(4);
        records.add(add(PgData.vertexLabel(id, "person::customer")));
        records.add(add(PgData.vertexProperty(id, "displayName", PgValue.of(name + " from " + city))));
        records.add(add(PgData.vertexProperty(id, "email", PgValue.of(email(name)))));
        records.add(add(PgData.vertexProperty(id, "address",
                PgValue.of((1 + random.nextInt(400)) + " Harbour Street, " + city))));
        return records;
    }

    private void addVertex(List<byte[]> records, int room) {
        String id = newVertexId();
        records.add(add(PgData.vertexLabel(id, pick(VERTEX_LABELS))));
        int properties = Math.min(room - 1, 2 + random.nextInt(6));
        for (int i = 0; i < properties; i++) {
            records.add(add(vertexProperty(id, i)));
        }
    }

    private void addEdge(List<byte[]> records, int room) {
        String id = "e-" + (++edges);
        records.add(add(PgData.edge(id, pick(EDGE_LABELS), existingVertexId(), existingVertexId())));
        int properties = Math.min(room - 1, random.nextInt(3));
        for (int i = 0; i < properties; i++) {
            records.add(add(edgeProperty(id, i)));
        }
    }

    private void replaceProperty(List<byte[]> records, int room) {
        String id = existingVertexId();
        int slot = random.nextInt(8);
        if (room >= 2) {
            records.add(RecordCodec.encode(Op.REMOVE, vertexProperty(id, slot).toJson()));
        }
        records.add(add(vertexProperty(id, slot)));
    }

    private void dropEdge(List<byte[]> records, int room) {
        if (edges == 0) {
            addEdge(records, room);
            return;
        }
        String id = "e-" + (1 + random.nextLong(edges));
        if (room >= 2) {
            records.add(RecordCodec.encode(Op.REMOVE, edgeProperty(id, 0).toJson()));
        }
        records.add(RecordCodec.encode(Op.REMOVE,
                PgData.edge(id, pick(EDGE_LABELS), existingVertexId(), existingVertexId()).toJson()));
    }

    private PgData vertexProperty(String id, int slot) {
        return switch (slot % 8) {
            case 0 -> PgData.vertexProperty(id, "name", PgValue.of(name()));
            case 1 -> PgData.vertexProperty(id, "age", PgValue.of(18 + random.nextInt(70)));
            case 2 -> PgData.vertexProperty(id, "email", PgValue.of(email(name())));
            case 3 -> PgData.vertexProperty(id, "createdAt", PgValue.of(Instant.ofEpochMilli(timestamp())));
            case 4 -> PgData.vertexProperty(id, "score", PgValue.of(Math.round(random.nextDouble() * 1e4) / 100.0));
            case 5 -> PgData.vertexProperty(id, "active", PgValue.of(random.nextBoolean()));
            case 6 -> PgData.vertexProperty(id, "city", PgValue.of(pick(CITIES)));
            default -> PgData.vertexProperty(id, "balanceCents", PgValue.of(random.nextLong(10_000_000_000L)));
        };
    }

    private PgData edgeProperty(String id, int slot) {
        return switch (slot % 3) {
            case 0 -> PgData.edgeProperty(id, "since", PgValue.of(Instant.ofEpochMilli(timestamp())));
            case 1 -> PgData.edgeProperty(id, "weight", PgValue.of(Math.round(random.nextDouble() * 100) / 100.0));
            default -> PgData.edgeProperty(id, "source", PgValue.of("import-batch-" + random.nextInt(1000)));
        };
    }

    private static byte[] add(PgData data) {
        return RecordCodec.encode(Op.ADD, data.toJson());
    }

    private String newVertexId() {
        return String.format("v-%08d", ++vertices);
    }

    private String existingVertexId() {
        return String.format("v-%08d", 1 + random.nextLong(Math.max(1, vertices)));
    }

    private String name() {
        return pick(FIRST_NAMES) + " " + pick(LAST_NAMES);
    }

    private String email(String name) {
        return name.replace(' ', '.') + random.nextInt(1000) + "@example.com";
    }

    private long timestamp() {
        return EPOCH_2026 - random.nextLong(5L * 365 * 24 * 3600 * 1000);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
