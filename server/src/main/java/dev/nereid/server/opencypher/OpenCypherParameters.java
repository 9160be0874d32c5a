package dev.nereid.server.opencypher;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code parameters} of an openCypher request as the engine takes them: a JSON object whose values
 * become Java values, integral numbers {@code Long} and other numbers {@code Double} (spec §5.4), so a
 * property written from a parameter has the same type as one written from a literal.
 */
final class OpenCypherParameters {
    static final String NAME = "parameters";
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private OpenCypherParameters() {
    }

    /** Parameters sent as text: a form field, or the JSON string the AWS SDK sends. */
    static Map<String, Object> fromText(String text) {
        JsonNode node;
        try (JsonParser parser = JSON.createParser(text)) {
            node = JSON.readTree(parser);
            if (node != null && parser.nextToken() != null) {
                throw invalid("is not valid JSON: more follows the first value");
            }
        } catch (JsonProcessingException e) {
            throw invalid("is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // readTree gives null for text without any JSON token in it.
        if (node == null) {
            throw invalid("is not valid JSON: it is empty");
        }
        return fromJson(node);
    }

    /** Parameters sent as JSON, a value of the request body or parsed from text. */
    static Map<String, Object> fromJson(JsonNode node) {
        if (!node.isObject()) {
            throw invalid("must be a JSON object, not " + kind(node));
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> parameters.put(field.getKey(), value(field.getValue())));
        return parameters;
    }

    private static Object value(JsonNode node) {
        if (node.isObject()) {
            return fromJson(node);
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            node.forEach(item -> items.add(value(item)));
            return items;
        }
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) {
                throw invalid("holds an integer outside the 64-bit range: " + node.asText());
            }
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return null;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static NereidException invalid(String problem) {
        return new NereidException(ErrorCode.INVALID_PARAMETER, "Parameter '" + NAME + "' " + problem);
    }
}
