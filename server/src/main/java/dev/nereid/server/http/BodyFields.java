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
        if (trimmed.startsWith("{")) {
            return json(trimmed, names, path);
        }
        int leading = body.length() - body.stripLeading().length();
        return single(form(trimmed, path, leading), names);
    }

    /**
     * The parameters of a form body ({@code application/x-www-form-urlencoded}), each name to its values
     * in the order sent. A {@code %} not followed by two hex digits makes the body unreadable as a whole,
     * not one parameter's value wrong, so it is a BadRequestException, as a malformed JSON body is; the
     * message says where, and never echoes the body, which may be up to the largest request long.
     *
     * @param path for the error message
     */
    public static Map<String, List<String>> form(String body, String path) {
        return form(body, path, 0);
    }

    /** @param offset where {@code body} starts in what the client sent, for the error message */
    private static Map<String, List<String>> form(String body, String path, int offset) {
        try {
            return new QueryStringDecoder(body, false).parameters();
        } catch (IllegalArgumentException e) {
            int bad = badEscape(body);
            throw new NereidException(ErrorCode.BAD_REQUEST, "Malformed form body for " + path
                    + (bad < 0 ? ": bad percent-encoding"
                    : ": '%' at character " + (offset + bad + 1) + " is not followed by two hex digits"));
        }
    }

    /** The index of the first {@code %} that does not start an escape {@code %XX}, or -1. */
    static int badEscape(String s) {
        for (int i = s.indexOf('%'); i >= 0; i = s.indexOf('%', i + 1)) {
            if (i + 2 >= s.length() || !hex(s.charAt(i + 1)) || !hex(s.charAt(i + 2))) {
                return i;
            }
            i += 2;
        }
        return -1;
    }

    /** ASCII only, as the decoder reads it: Character.digit would take other scripts' digits too. */
    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
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
