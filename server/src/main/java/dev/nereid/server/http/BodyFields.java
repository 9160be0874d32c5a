package dev.nereid.server.http;

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
 * The flat fields of a request body that is a JSON object or a form, whatever the Content-Type says:
 * {@code curl -d '{…}'} sends JSON labelled as a form, and Neptune's endpoints take both. Only the named
 * fields are kept, each at most once; a JSON array or object value reads as {@code [...]} or
 * {@code {...}}, and a field's {@link Field#string()} tells whether it was a JSON string (form values
 * always are).
 */
public final class BodyFields {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** One field's text, and whether it was a string. */
    public record Field(String text, boolean string) {
    }

    private BodyFields() {
    }

    /**
     * @param path for the error message of a body that is neither
     */
    public static Map<String, Field> parse(String body, List<String> names, String path) {
        String trimmed = body.strip();
        return trimmed.startsWith("{") ? json(trimmed, names, path)
                : single(new QueryStringDecoder(trimmed, false).parameters(), names);
    }

    /** The named parameters of a query string or form, each at most once. */
    public static Map<String, Field> single(Map<String, List<String>> params, List<String> names) {
        Map<String, Field> fields = new HashMap<>();
        for (String name : names) {
            List<String> values = params.get(name);
            if (values == null) {
                continue;
            }
            if (values.size() > 1) {
                throw new NereidException(ErrorCode.INVALID_PARAMETER, "Too many values supplied for: " + name);
            }
            fields.put(name, new Field(values.get(0), true));
        }
        return fields;
    }

    private static Map<String, Field> json(String body, List<String> names, String path) {
        Map<String, Field> fields = new HashMap<>();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw malformed(path);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                Field field;
                if (value.isStructStart()) {
                    p.skipChildren();
                    field = new Field(p.currentToken() == JsonToken.END_ARRAY ? "[...]" : "{...}", false);
                } else {
                    field = new Field(p.getText(), value == JsonToken.VALUE_STRING);
                }
                if (names.contains(name)) {
                    fields.put(name, field);
                }
            }
            if (p.nextToken() != null) {
                throw malformed(path);
            }
        } catch (JsonParseException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field '")) {
                throw new NereidException(ErrorCode.INVALID_PARAMETER, message);
            }
            throw malformed(path);
        } catch (IOException e) {
            throw malformed(path);
        }
        return fields;
    }

    private static NereidException malformed(String path) {
        return new NereidException(ErrorCode.BAD_REQUEST, "Malformed JSON body for " + path);
    }
}
