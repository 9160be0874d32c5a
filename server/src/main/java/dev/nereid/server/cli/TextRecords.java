package dev.nereid.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nereid.client.StreamRecord;
import java.io.IOException;
import java.time.Instant;

/**
 * One record as one line for a person, in the line format of spec §5.5 with the event id and time in
 * front: {@code 2:4 2026-01-01T00:01:00Z ADD vp v1 lang "fr" *} — labels bare, other values as JSON, the
 * dataType unless String, {@code from→to} for edges, {@code *} on a transaction's last op. An RDF record
 * shows its statement. Data of another shape is shown as its JSON.
 */
final class TextRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TextRecords() {
    }

    static String line(StreamRecord r) {
        StringBuilder line = new StringBuilder().append(r.commitNum()).append(':').append(r.opNum()).append(' ')
                .append(Instant.ofEpochMilli(r.commitTimestamp())).append(' ').append(r.op()).append(' ')
                .append(data(r.data().toString()));
        if (r.isLastOp()) {
            line.append(" *");
        }
        return line.toString();
    }

    private static String data(String json) {
        JsonNode data;
        try {
            data = JSON.readTree(json);
        } catch (IOException e) {
            return json;
        }
        if (data.size() == 1 && data.path("stmt").isTextual()) {
            return data.get("stmt").asText().strip();
        }
        JsonNode value = data.path("value");
        if (!data.path("type").isTextual() || !data.path("id").isTextual() || !data.path("key").isTextual()
                || !value.has("value")) {
            return json;
        }
        String type = data.get("type").asText();
        String dataType = value.path("dataType").asText("String");
        StringBuilder s = new StringBuilder().append(type).append(' ').append(data.get("id").asText()).append(' ')
                .append(data.get("key").asText()).append(' ');
        boolean label = type.equals("vl") || type.equals("e");
        s.append(label ? value.get("value").asText() : value.get("value").toString());
        if (!dataType.equals("String")) {
            s.append(' ').append(dataType);
        }
        if (data.has("from") && data.has("to")) {
            s.append(' ').append(data.get("from").asText()).append('→').append(data.get("to").asText());
        }
        return s.toString();
    }
}
