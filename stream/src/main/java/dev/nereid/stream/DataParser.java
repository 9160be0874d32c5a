package dev.nereid.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;

/**
 * Reads stored {@code data} objects back (replay, consumers, tests). Strict: every field once, no
 * unknown fields, nothing after the object, and a value that matches its dataType exactly.
 */
final class DataParser {
    /** A stored string value may be far longer than Jackson's default safety limit. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();

    private DataParser() {
    }

    static PgData pgData(byte[] json, int offset, int length) {
        try (JsonParser p = JSON.createParser(json, offset, length)) {
            expect(p, JsonToken.START_OBJECT);
            String id = null;
            String type = null;
            String key = null;
            PgValue value = null;
            String from = null;
            String to = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "id" -> id = once(name, id, string(p));
                    case "type" -> type = once(name, type, string(p));
                    case "key" -> key = once(name, key, string(p));
                    case "value" -> value = once(name, value, value(p));
                    case "from" -> from = once(name, from, string(p));
                    case "to" -> to = once(name, to, string(p));
                    default -> throw invalid("unknown field '" + name + "'");
                }
            }
            end(p);
            if (id == null || type == null || key == null || value == null) {
                throw invalid("missing field");
            }
            return new PgData(PgType.fromWireName(type), id, key, value, from, to);
        } catch (IOException e) {
            throw invalid(e.getMessage());
        }
    }

    static RdfData rdfData(byte[] json, int offset, int length) {
        try (JsonParser p = JSON.createParser(json, offset, length)) {
            expect(p, JsonToken.START_OBJECT);
            if (p.nextToken() != JsonToken.FIELD_NAME || !"stmt".equals(p.currentName())) {
                throw invalid("expected the field 'stmt'");
            }
            p.nextToken();
            String stmt = string(p);
            if (p.nextToken() != JsonToken.END_OBJECT) {
                throw invalid("expected only the field 'stmt'");
            }
            end(p);
            return new RdfData(stmt);
        } catch (IOException e) {
            throw invalid(e.getMessage());
        }
    }

    /** {@code {"value": v, "dataType": t}} in either order; v is interpreted once t is known. */
    private static PgValue value(JsonParser p) throws IOException {
        expectCurrent(p, JsonToken.START_OBJECT);
        JsonToken valueToken = null;
        String valueText = null;
        String dataType = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals("value") && valueToken == null && t.isScalarValue()) {
                valueToken = t;
                valueText = p.getText();
            } else if (name.equals("dataType") && dataType == null) {
                dataType = string(p);
            } else {
                throw invalid("unexpected field '" + name + "' in value");
            }
        }
        if (valueToken == null || dataType == null) {
            throw invalid("value needs 'value' and 'dataType'");
        }
        boolean integral = valueToken == JsonToken.VALUE_NUMBER_INT;
        boolean number = integral || valueToken == JsonToken.VALUE_NUMBER_FLOAT;
        try {
            switch (dataType) {
                case "String":
                    if (valueToken == JsonToken.VALUE_STRING) {
                        return new PgValue.StringValue(valueText);
                    }
                    break;
                case "Bool":
                    if (valueToken == JsonToken.VALUE_TRUE || valueToken == JsonToken.VALUE_FALSE) {
                        return new PgValue.BoolValue(valueToken == JsonToken.VALUE_TRUE);
                    }
                    break;
                case "Byte":
                    if (integral) {
                        return new PgValue.ByteValue(Byte.parseByte(valueText));
                    }
                    break;
                case "Short":
                    if (integral) {
                        return new PgValue.ShortValue(Short.parseShort(valueText));
                    }
                    break;
                case "Int":
                    if (integral) {
                        return new PgValue.IntValue(Integer.parseInt(valueText));
                    }
                    break;
                case "Long":
                    if (integral) {
                        return new PgValue.LongValue(Long.parseLong(valueText));
                    }
                    break;
                case "Float":
                    if (number) {
                        return new PgValue.FloatValue(Float.parseFloat(valueText));
                    }
                    break;
                case "Double":
                    if (number) {
                        return new PgValue.DoubleValue(Double.parseDouble(valueText));
                    }
                    break;
                case "Date":
                    if (integral) {
                        return new PgValue.DateValue(Long.parseLong(valueText));
                    }
                    break;
                default:
                    throw invalid("unknown dataType '" + dataType + "'");
            }
        } catch (NumberFormatException e) {
            throw invalid("value " + valueText + " out of range for " + dataType);
        }
        throw invalid("value " + valueText + " is not a " + dataType);
    }

    private static <T> T once(String name, T previous, T value) {
        if (previous != null) {
            throw invalid("field '" + name + "' repeated");
        }
        return value;
    }

    private static String string(JsonParser p) throws IOException {
        expectCurrent(p, JsonToken.VALUE_STRING);
        return p.getText();
    }

    private static void expect(JsonParser p, JsonToken token) throws IOException {
        p.nextToken();
        expectCurrent(p, token);
    }

    private static void expectCurrent(JsonParser p, JsonToken token) {
        if (p.currentToken() != token) {
            throw invalid("expected " + token + " but found " + p.currentToken());
        }
    }

    /** After the closing brace of the top-level object, nothing may follow. */
    private static void end(JsonParser p) throws IOException {
        expectCurrent(p, JsonToken.END_OBJECT);
        if (p.nextToken() != null) {
            throw invalid("trailing content");
        }
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("not a stream data object: " + why);
    }
}
