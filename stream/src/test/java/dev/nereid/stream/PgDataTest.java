package dev.nereid.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PgDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String json(PgData data) {
        return new String(data.toJson(), StandardCharsets.UTF_8);
    }

    /** The rendered {@code value} object of a vp record. */
    private static String valueJson(PgValue value) {
        String s = json(PgData.vertexProperty("v", "k", value));
        String prefix = "{\"id\":\"v\",\"type\":\"vp\",\"key\":\"k\",\"value\":";
        assertThat(s).startsWith(prefix).endsWith("}");
        PgData back = PgData.fromJson(s.getBytes(StandardCharsets.UTF_8));
        assertThat(back.value()).isEqualTo(value);
        return s.substring(prefix.length(), s.length() - 1);
    }

    private static String stringJson(String s) {
        String v = valueJson(new PgValue.StringValue(s));
        return v.substring("{\"value\":".length(), v.length() - ",\"dataType\":\"String\"}".length());
    }

    @Test
    void rendersEachRecordType() {
        assertThat(json(PgData.vertexLabel("v1", "person")))
                .isEqualTo("{\"id\":\"v1\",\"type\":\"vl\",\"key\":\"label\",\"value\":{\"value\":\"person\",\"dataType\":\"String\"}}");
        assertThat(json(PgData.vertexProperty("v1", "age", new PgValue.IntValue(29))))
                .isEqualTo("{\"id\":\"v1\",\"type\":\"vp\",\"key\":\"age\",\"value\":{\"value\":29,\"dataType\":\"Int\"}}");
        assertThat(json(PgData.edge("e1", "knows", "v1", "v2")))
                .isEqualTo("{\"id\":\"e1\",\"type\":\"e\",\"key\":\"label\",\"value\":{\"value\":\"knows\",\"dataType\":\"String\"},"
                        + "\"from\":\"v1\",\"to\":\"v2\"}");
        assertThat(json(PgData.edgeProperty("e1", "weight", new PgValue.DoubleValue(0.5))))
                .isEqualTo("{\"id\":\"e1\",\"type\":\"ep\",\"key\":\"weight\",\"value\":{\"value\":0.5,\"dataType\":\"Double\"}}");
    }

    @Test
    void rendersIntegralTypesExactly() {
        assertThat(valueJson(new PgValue.BoolValue(true))).isEqualTo("{\"value\":true,\"dataType\":\"Bool\"}");
        assertThat(valueJson(new PgValue.BoolValue(false))).isEqualTo("{\"value\":false,\"dataType\":\"Bool\"}");
        assertThat(valueJson(new PgValue.ByteValue(Byte.MIN_VALUE))).isEqualTo("{\"value\":-128,\"dataType\":\"Byte\"}");
        assertThat(valueJson(new PgValue.ByteValue(Byte.MAX_VALUE))).isEqualTo("{\"value\":127,\"dataType\":\"Byte\"}");
        assertThat(valueJson(new PgValue.ShortValue(Short.MIN_VALUE))).isEqualTo("{\"value\":-32768,\"dataType\":\"Short\"}");
        assertThat(valueJson(new PgValue.IntValue(Integer.MIN_VALUE)))
                .isEqualTo("{\"value\":-2147483648,\"dataType\":\"Int\"}");
        assertThat(valueJson(new PgValue.IntValue(0))).isEqualTo("{\"value\":0,\"dataType\":\"Int\"}");
        assertThat(valueJson(new PgValue.LongValue(Long.MIN_VALUE)))
                .isEqualTo("{\"value\":-9223372036854775808,\"dataType\":\"Long\"}");
        assertThat(valueJson(new PgValue.LongValue(Long.MAX_VALUE)))
                .isEqualTo("{\"value\":9223372036854775807,\"dataType\":\"Long\"}");
        assertThat(valueJson(new PgValue.DateValue(1767225600000L)))
                .isEqualTo("{\"value\":1767225600000,\"dataType\":\"Date\"}");
        assertThat(valueJson(new PgValue.DateValue(-1))).isEqualTo("{\"value\":-1,\"dataType\":\"Date\"}");
    }

    @ParameterizedTest
    @CsvSource({
            "0.5, 0.5", "2.0, 2.0", "1.0E20, 1.0E20", "1.0E-5, 1.0E-5", "100, 100.0", "1.0E7, 1.0E7",
            "1234567.0, 1234567.0", "0.001, 0.001", "-0.0, -0.0", "1e23, 1.0E23", "2e23, 2.0E23",
            "4.9E-324, 4.9E-324", "1.7976931348623157E308, 1.7976931348623157E308", "-3.25, -3.25"})
    void rendersDoublesInShortestRoundTripForm(double value, String expected) {
        assertThat(valueJson(new PgValue.DoubleValue(value)))
                .isEqualTo("{\"value\":" + expected + ",\"dataType\":\"Double\"}");
        assertThat(Double.parseDouble(expected)).isEqualTo(value);
    }

    @Test
    void javaSeventeensDoubleToStringIsNotAlwaysShortestButTheStreamIs() {
        assertThat(Double.toString(1e23)).isEqualTo("9.999999999999999E22");
        assertThat(valueJson(new PgValue.DoubleValue(0.1 + 0.2)))
                .isEqualTo("{\"value\":0.30000000000000004,\"dataType\":\"Double\"}");
    }

    @ParameterizedTest
    @CsvSource({"0.1, 0.1", "1.0E10, 1.0E10", "3.4028235E38, 3.4028235E38", "1.4E-45, 1.4E-45", "2, 2.0",
            "33554432, 3.3554432E7", "-0.0, -0.0"})
    void rendersFloatsInShortestRoundTripFormAsFloats(float value, String expected) {
        assertThat(valueJson(new PgValue.FloatValue(value)))
                .isEqualTo("{\"value\":" + expected + ",\"dataType\":\"Float\"}");
        assertThat(Float.parseFloat(expected)).isEqualTo(value);
    }

    @Test
    void refusesNanAndInfinity() {
        for (double d : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> new PgValue.DoubleValue(d)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PgValue.of(d)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new PgValue.FloatValue((float) d)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PgValue.of((float) d)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void escapesQuotesBackslashesAndControlsOnly() {
        assertThat(stringJson("a\"b\\c/d")).isEqualTo("\"a\\\"b\\\\c/d\"");
        assertThat(stringJson("\b\f\n\r\t")).isEqualTo("\"\\b\\f\\n\\r\\t\"");
        assertThat(stringJson("\u0000\u0001\u001f\u000b")).isEqualTo("\"\\u0000\\u0001\\u001F\\u000B\"");
        assertThat(stringJson("\u007f\u2028\u2029")).isEqualTo("\"\u007f\u2028\u2029\"");
        assertThat(stringJson("")).isEqualTo("\"\"");
    }

    @Test
    void leavesNonAsciiAsRawUtf8() {
        String s = "é€😀中";
        byte[] bytes = PgData.vertexProperty("v", "k", new PgValue.StringValue(s)).toJson();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"value\":\"é€😀中\"");
        assertThat(bytes).hasSize(("{\"id\":\"v\",\"type\":\"vp\",\"key\":\"k\",\"value\":{\"value\":\"\","
                + "\"dataType\":\"String\"}}").length() + 2 + 3 + 4 + 3);
    }

    @Test
    void escapesLoneSurrogatesSoNoTextIsLost() {
        assertThat(stringJson("x\uD800y")).isEqualTo("\"x\\uD800y\"");
        assertThat(stringJson("x\uDC00")).isEqualTo("\"x\\uDC00\"");
        assertThat(stringJson("\uD83D")).isEqualTo("\"\\uD83D\"");
        assertThat(stringJson("\uDE00\uD83D")).isEqualTo("\"\\uDE00\\uD83D\"");
    }

    @Test
    void idsKeysAndEndpointsAreEscapedToo() {
        assertThat(json(PgData.edge("e\"1", "kn\nows", "ä", "\t")))
                .isEqualTo("{\"id\":\"e\\\"1\",\"type\":\"e\",\"key\":\"label\",\"value\":{\"value\":\"kn\\nows\","
                        + "\"dataType\":\"String\"},\"from\":\"ä\",\"to\":\"\\t\"}");
    }

    @Test
    void randomStringsSurviveAnyJsonReader() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                int kind = random.nextInt(5);
                sb.append(switch (kind) {
                    case 0 -> (char) random.nextInt(0x80);
                    case 1 -> (char) (0x80 + random.nextInt(0x780));
                    case 2 -> (char) (0xD800 + random.nextInt(0x800));
                    default -> (char) random.nextInt(0x10000);
                });
            }
            String s = sb.toString();
            PgData data = PgData.vertexProperty(s, s, new PgValue.StringValue(s));
            byte[] bytes = data.toJson();
            JsonNode node = JSON.readTree(bytes);
            assertThat(node.get("id").asText()).isEqualTo(s);
            assertThat(node.get("value").get("value").asText()).isEqualTo(s);
            assertThat(PgData.fromJson(bytes)).isEqualTo(data);
        }
    }

    @Test
    void roundTripsEveryKindThroughFromJson() {
        List<PgData> all = List.of(
                PgData.vertexLabel("v1", "person"),
                PgData.edge("e1", "knows", "v1", "v2"),
                PgData.vertexProperty("v1", "b", new PgValue.ByteValue((byte) -3)),
                PgData.vertexProperty("v1", "s", new PgValue.ShortValue((short) 300)),
                PgData.edgeProperty("e1", "f", new PgValue.FloatValue(0.1f)),
                PgData.edgeProperty("e1", "d", new PgValue.DateValue(0)),
                PgData.edgeProperty("e1", "t", new PgValue.BoolValue(true)));
        for (PgData d : all) {
            byte[] json = d.toJson();
            byte[] padded = new byte[json.length + 10];
            System.arraycopy(json, 0, padded, 5, json.length);
            assertThat(PgData.fromJson(padded, 5, json.length)).isEqualTo(d);
        }
    }

    @Test
    void fromJsonAcceptsAnyFieldOrder() {
        String edge = "{\"value\":{\"dataType\":\"String\",\"value\":\"knows\"},\"to\":\"b\",\"key\":\"label\","
                + "\"type\":\"e\",\"from\":\"a\",\"id\":\"x\"}";
        assertThat(PgData.fromJson(edge.getBytes(StandardCharsets.UTF_8))).isEqualTo(PgData.edge("x", "knows", "a", "b"));
        String property = "{\"value\":{\"dataType\":\"Long\",\"value\":5},\"key\":\"n\",\"type\":\"vp\",\"id\":\"x\"}";
        assertThat(PgData.fromJson(property.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(PgData.vertexProperty("x", "n", new PgValue.LongValue(5)));
    }

    @Test
    void fromJsonRefusesRecordsOfTheWrongShape() {
        String labelAsLong = "{\"id\":\"x\",\"type\":\"e\",\"key\":\"label\",\"value\":{\"value\":5,\"dataType\":\"Long\"},"
                + "\"from\":\"a\",\"to\":\"b\"}";
        assertThatThrownBy(() -> PgData.fromJson(labelAsLong.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fromJsonIsStrict() {
        for (String bad : new String[] {
                "{\"id\":\"x\",\"type\":\"vp\",\"key\":\"k\"}",
                "{\"id\":\"x\",\"type\":\"vp\",\"key\":\"k\",\"value\":{\"value\":1,\"dataType\":\"Int\"},\"extra\":1}",
                "{\"id\":\"x\",\"id\":\"y\",\"type\":\"vp\",\"key\":\"k\",\"value\":{\"value\":1,\"dataType\":\"Int\"}}",
                "{\"id\":\"x\",\"type\":\"vp\",\"key\":\"k\",\"value\":{\"value\":128,\"dataType\":\"Byte\"}}",
                "{\"id\":\"x\",\"type\":\"vp\",\"key\":\"k\",\"value\":{\"value\":1.5,\"dataType\":\"Int\"}}",
                "{\"id\":\"x\",\"type\":\"vp\",\"key\":\"k\",\"value\":{\"value\":\"1\",\"dataType\":\"Int\"}}",
                "{\"id\":\"x\",\"type\":\"vp\",\"key\":\"k\",\"value\":{\"value\":1,\"dataType\":\"Integer\"}}",
                "{\"id\":\"x\",\"type\":\"vp\",\"key\":\"k\",\"value\":{\"value\":[1],\"dataType\":\"Int\"}}",
                "{\"id\":\"x\",\"type\":\"v1\",\"key\":\"k\",\"value\":{\"value\":1,\"dataType\":\"Int\"}}",
                "{\"id\":\"x\",\"type\":\"vp\",\"key\":\"k\",\"value\":{\"value\":1,\"dataType\":\"Int\"}} {}",
                "{\"id\":1,\"type\":\"vp\",\"key\":\"k\",\"value\":{\"value\":1,\"dataType\":\"Int\"}}",
                "[]", ""}) {
            assertThatThrownBy(() -> PgData.fromJson(bad.getBytes(StandardCharsets.UTF_8)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void constructorKeepsTheShapeOfEachType() {
        PgValue label = new PgValue.StringValue("L");
        assertThatThrownBy(() -> new PgData(PgType.VERTEX_LABEL, "v", "name", label, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PgData(PgType.EDGE, "e", "label", new PgValue.IntValue(1), "a", "b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PgData(PgType.EDGE, "e", "label", label, "a", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PgData(PgType.EDGE_PROPERTY, "e", "w", label, "a", "b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PgData(PgType.VERTEX_PROPERTY, "v", "w", label, null, "b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PgData.vertexLabel(null, "L")).isInstanceOf(NullPointerException.class);
        assertThat(PgType.fromWireName("ep")).isEqualTo(PgType.EDGE_PROPERTY);
        assertThatThrownBy(() -> PgType.fromWireName("v1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typesAreDistinctValues() {
        assertThat(new PgValue.IntValue(1)).isNotEqualTo(new PgValue.LongValue(1));
        assertThat(new PgValue.DoubleValue(0.0)).isNotEqualTo(new PgValue.DoubleValue(-0.0));
    }

    @Test
    void mapsGraphValuesToStoredValues() {
        assertThat(PgValue.of("s")).isEqualTo(new PgValue.StringValue("s"));
        assertThat(PgValue.of(true)).isEqualTo(new PgValue.BoolValue(true));
        assertThat(PgValue.of((byte) 1)).isEqualTo(new PgValue.ByteValue((byte) 1));
        assertThat(PgValue.of((short) 1)).isEqualTo(new PgValue.ShortValue((short) 1));
        assertThat(PgValue.of(1)).isEqualTo(new PgValue.IntValue(1));
        assertThat(PgValue.of(1L)).isEqualTo(new PgValue.LongValue(1));
        assertThat(PgValue.of(1.5f)).isEqualTo(new PgValue.FloatValue(1.5f));
        assertThat(PgValue.of(1.5)).isEqualTo(new PgValue.DoubleValue(1.5));
        assertThat(PgValue.of(new Date(1767225600123L))).isEqualTo(new PgValue.DateValue(1767225600123L));
        assertThat(PgValue.of(Instant.ofEpochSecond(1767225600L, 123_999_999)))
                .isEqualTo(new PgValue.DateValue(1767225600123L));
        assertThat(PgValue.of(OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 5_000_000, ZoneOffset.ofHours(1))))
                .isEqualTo(new PgValue.DateValue(1767222000005L));
        for (Object unstorable : new Object[] {null, BigDecimal.ONE, BigInteger.TWO, List.of(1), Map.of(), 'c',
                new int[0], Double.NaN}) {
            assertThatThrownBy(() -> PgValue.of(unstorable)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void convertsBackToGraphValues() {
        for (Object v : new Object[] {"s", true, (byte) 1, (short) 2, 3, 4L, 5.5f, 6.5, new Date(7)}) {
            assertThat(PgValue.of(v).toJava()).isEqualTo(v).hasSameClassAs(v);
        }
    }
}
