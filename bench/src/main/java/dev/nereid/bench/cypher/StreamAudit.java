package dev.nereid.bench.cypher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the server actually committed, read back the way a consumer reads it: the whole
 * property-graph stream, page after page. Per commit it keeps the shape of its records (op, type,
 * key, data type; names and ids vary) and which variant wrote it (the name's prefix), so the run can
 * show that every acknowledged write is exactly one commit and that all variants stored the same thing.
 *
 * @param commits        distinct commitNums in the stream
 * @param lastCommitNum  the stream's last commitNum
 * @param nodes          per variant, the commits whose node name carries its prefix
 * @param shapes         per variant, the distinct record shapes of its commits (one means all alike)
 */
record StreamAudit(long commits, long lastCommitNum, Map<Variant, Long> nodes, Map<Variant, TreeSet<String>> shapes) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = "/propertygraph/stream?limit=100000&iteratorType=";

    static StreamAudit read(HttpWriter http) throws IOException, InterruptedException {
        Map<Variant, Long> nodes = new EnumMap<>(Variant.class);
        Map<Variant, TreeSet<String>> shapes = new EnumMap<>(Variant.class);
        long commits = 0;
        long lastCommitNum = 0;
        long commitNum = -1;
        Commit current = null;
        String next = PAGE + "TRIM_HORIZON";
        while (true) {
            HttpResponse<String> response = http.get(next);
            if (response.statusCode() == 404) {
                break;
            }
            if (response.statusCode() != 200) {
                throw new IOException("stream answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode page = JSON.readTree(response.body());
            for (JsonNode record : page.get("records")) {
                long num = record.get("eventId").get("commitNum").asLong();
                if (num != commitNum) {
                    if (current != null) {
                        current.tally(nodes, shapes);
                    }
                    commits++;
                    commitNum = num;
                    current = new Commit();
                }
                current.add(record);
            }
            JsonNode last = page.get("lastEventId");
            lastCommitNum = last.get("commitNum").asLong();
            next = PAGE + "AFTER_SEQUENCE_NUMBER&commitNum=" + lastCommitNum + "&opNum=" + last.get("opNum").asLong();
        }
        if (current != null) {
            current.tally(nodes, shapes);
        }
        return new StreamAudit(commits, lastCommitNum, nodes, shapes);
    }

    /** The records of one commit as they arrive. */
    private static final class Commit {
        private final List<String> shape = new ArrayList<>();
        private final Map<String, Integer> nodeIds = new TreeMap<>();
        private String name = "";

        void add(JsonNode record) {
            JsonNode data = record.get("data");
            String key = data.get("key").asText();
            JsonNode value = data.get("value");
            // The label's value is part of the shape; other values (names, ages) differ by design.
            String shown = key.equals("label") ? "=" + value.get("value").asText() : "";
            shape.add(record.get("op").asText() + " " + data.get("type").asText() + " " + key + shown + " "
                    + value.get("dataType").asText());
            nodeIds.merge(data.get("id").asText(), 1, Integer::sum);
            if (key.equals("name")) {
                name = value.get("value").asText();
            }
        }

        void tally(Map<Variant, Long> nodes, Map<Variant, TreeSet<String>> shapes) {
            Variant writer = null;
            for (Variant v : Variant.values()) {
                if (name.startsWith(v.prefix())) {
                    writer = v;
                }
            }
            if (writer == null) {
                throw new IllegalStateException("a commit no variant wrote: " + shape);
            }
            nodes.merge(writer, 1L, Long::sum);
            // Order within a commit is the engine's business; what was stored is the sorted list.
            List<String> sorted = new ArrayList<>(shape);
            sorted.sort(null);
            String elements = nodeIds.size() == 1 ? "one element" : nodeIds.size() + " elements";
            shapes.computeIfAbsent(writer, k -> new TreeSet<>()).add(elements + ", " + sorted);
        }
    }
}
