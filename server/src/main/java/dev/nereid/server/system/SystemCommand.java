package dev.nereid.server.system;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /system}: a JSON object or a form, whatever the Content-Type says, since
 * {@code curl -d '{"action":…}'} sends JSON labelled as a form. Only {@code action} and
 * {@code token} mean anything; other fields are ignored, as Neptune does.
 *
 * @param action the requested action
 * @param token  the reset token, or null
 */
record SystemCommand(String action, String token) {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    static SystemCommand parse(String body) {
        String trimmed = body.strip();
        Map<String, String> fields = trimmed.startsWith("{") ? jsonFields(trimmed) : formFields(trimmed);
        String action = fields.get("action");
        if (action == null) {
            throw new NereidException(ErrorCode.MISSING_PARAMETER, "Missing required parameters: [action]");
        }
        return new SystemCommand(action, fields.get("token"));
    }

    private static Map<String, String> formFields(String body) {
        Map<String, List<String>> params = new QueryStringDecoder(body, false).parameters();
        Map<String, String> fields = new HashMap<>();
        for (String name : List.of("action", "token")) {
            List<String> values = params.get(name);
            if (values == null) {
                continue;
            }
            if (values.size() > 1) {
                throw new NereidException(ErrorCode.INVALID_PARAMETER, "Too many values supplied for: " + name);
            }
            fields.put(name, values.get(0));
        }
        return fields;
    }

    private static Map<String, String> jsonFields(String body) {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw malformed();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value.isStructStart()) {
                    p.skipChildren();
                    fields.put(name, p.currentToken() == JsonToken.END_ARRAY ? "[...]" : "{...}");
                } else {
                    fields.put(name, p.getText());
                }
            }
            if (p.nextToken() != null) {
                throw malformed();
            }
        } catch (JsonParseException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field '")) {
                throw new NereidException(ErrorCode.INVALID_PARAMETER, message);
            }
            throw malformed();
        } catch (IOException e) {
            throw malformed();
        }
        return fields;
    }

    private static NereidException malformed() {
        return new NereidException(ErrorCode.BAD_REQUEST, "Malformed JSON body for /system");
    }
}
