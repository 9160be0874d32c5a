package dev.nereid.stream;

import static dev.nereid.stream.StreamFixtures.query;
import static dev.nereid.stream.StreamFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StreamRequestTest {
    private static final String COMMIT_NUM_REQUIRED = "Parameter 'commitNum' is required when iteratorType is "
            + "AT_SEQUENCE_NUMBER (the default) or AFTER_SEQUENCE_NUMBER; to start at the oldest available record "
            + "use iteratorType=TRIM_HORIZON";
    private static final String ITERATOR_TYPES = "expected one of AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, "
            + "TRIM_HORIZON, LATEST";

    private static void assertInvalid(String queryString, String detailedMessage) {
        assertThatThrownBy(() -> request(queryString))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER);
                    assertThat(e.errorCode().code()).isEqualTo("InvalidParameterException");
                    assertThat(e.errorCode().httpStatus()).isEqualTo(400);
                    assertThat(e.detailedMessage()).isEqualTo(detailedMessage);
                });
    }

    private static String nonNegative(String value, String name) {
        return "Invalid value '" + value + "' for parameter '" + name + "': expected a non-negative integer";
    }

    private static String limitRange(String value) {
        return "Invalid value '" + value + "' for parameter 'limit': expected an integer from 1 to 100000";
    }

    @Test
    void defaultsAreAtOpNumOneLimitTen() {
        assertThat(request("commitNum=5"))
                .isEqualTo(new StreamRequest(IteratorType.AT_SEQUENCE_NUMBER, 5, 1, 10));
    }

    @Test
    void readsEveryParameter() {
        assertThat(request("iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=2&opNum=2&limit=2"))
                .isEqualTo(new StreamRequest(IteratorType.AFTER_SEQUENCE_NUMBER, 2, 2, 2));
        assertThat(request("limit=100000&iteratorType=LATEST"))
                .isEqualTo(new StreamRequest(IteratorType.LATEST, -1, 1, 100_000));
        assertThat(request("iteratorType=TRIM_HORIZON&limit=1"))
                .isEqualTo(new StreamRequest(IteratorType.TRIM_HORIZON, -1, 1, 1));
    }

    @Test
    void acceptsTheLargestLongAndLeadingZeros() {
        assertThat(request("commitNum=9223372036854775807&opNum=9223372036854775807&limit=0010"))
                .isEqualTo(new StreamRequest(IteratorType.AT_SEQUENCE_NUMBER, Long.MAX_VALUE, Long.MAX_VALUE, 10));
        assertThat(request("commitNum=000000000000000000000000000042&opNum=0"))
                .isEqualTo(new StreamRequest(IteratorType.AT_SEQUENCE_NUMBER, 42, 0, 10));
    }

    @Test
    void positionOfIgnoringIteratorsIsStillValidatedAndKept() {
        // Data Prepper sends this on SPARQL streams.
        assertThat(request("commitNum=0&opNum=0&iteratorType=TRIM_HORIZON"))
                .isEqualTo(new StreamRequest(IteratorType.TRIM_HORIZON, 0, 0, 10));
        assertInvalid("iteratorType=LATEST&opNum=-1", nonNegative("-1", "opNum"));
        assertInvalid("iteratorType=TRIM_HORIZON&commitNum=x", nonNegative("x", "commitNum"));
    }

    @Test
    void check1UnknownNameCaseSensitive() {
        assertInvalid("commitNum=1&foo=1", "Unknown parameter: foo");
        assertInvalid("Limit=5&commitNum=1", "Unknown parameter: Limit");
        assertInvalid("commitnum=1", "Unknown parameter: commitnum");
        assertInvalid("commitNum=1&x-amz-date=20260101T000000Z", "Unknown parameter: x-amz-date");
        assertInvalid("commitNum=1&format=PG_JSON", "Unknown parameter: format");
    }

    @Test
    void sigV4ParametersAreIgnoredEntirely() {
        assertThat(request("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=a%2Fb&iteratorType=TRIM_HORIZON"
                + "&X-Amz-Signature=abc&X-Amz-Signature=def&X-Amz-Expires=soon"))
                .isEqualTo(new StreamRequest(IteratorType.TRIM_HORIZON, -1, 1, 10));
    }

    @Test
    void check2RepeatedName() {
        assertInvalid("commitNum=1&limit=1&limit=2", "Too many values supplied for: limit");
        assertInvalid("commitNum=1&commitNum=1", "Too many values supplied for: commitNum");
        assertInvalid("iteratorType=LATEST&iteratorType=LATEST", "Too many values supplied for: iteratorType");
        assertInvalid("commitNum=1&opNum&opNum", "Too many values supplied for: opNum");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "-1", "+1", " 1", "1 ", "1.0", "1e3", "0x10", "9223372036854775808",
            "99999999999999999999", "١"})
    void check3RejectsNonDigitsAndOverflow(String value) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("commitNum", List.of(value));
        assertThatThrownBy(() -> StreamRequest.parse(q))
                .isInstanceOf(NereidException.class)
                .hasMessage(nonNegative(value, "commitNum"));
        Map<String, List<String>> op = new LinkedHashMap<>();
        op.put("commitNum", List.of("1"));
        op.put("opNum", List.of(value));
        assertThatThrownBy(() -> StreamRequest.parse(op))
                .isInstanceOf(NereidException.class)
                .hasMessage(nonNegative(value, "opNum"));
    }

    @Test
    void check3ParameterWithoutValueIsEmpty() {
        assertInvalid("commitNum", nonNegative("", "commitNum"));
        assertInvalid("commitNum=", nonNegative("", "commitNum"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "100001", "", "-5", "abc", "9223372036854775807", "9223372036854775808", "1.5"})
    void check3LimitHasItsOwnRange(String value) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("iteratorType", List.of("LATEST"));
        q.put("limit", List.of(value));
        assertThatThrownBy(() -> StreamRequest.parse(q))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER);
                    assertThat(e.detailedMessage()).isEqualTo(limitRange(value));
                });
    }

    @Test
    void check3LimitBounds() {
        assertThat(request("commitNum=1&limit=1").limit()).isEqualTo(1);
        assertThat(request("commitNum=1&limit=100000").limit()).isEqualTo(100_000);
    }

    @Test
    void check3EchoesAtMost64CodePoints() {
        String long100 = "1".repeat(60) + "abcdefghij".repeat(4);
        assertInvalid("commitNum=" + long100, nonNegative(long100.substring(0, 64), "commitNum"));
        assertInvalid("iteratorType=LATEST&limit=" + long100, limitRange(long100.substring(0, 64)));
        String exactly64 = "z".repeat(64);
        assertInvalid("commitNum=" + exactly64, nonNegative(exactly64, "commitNum"));
        // 63 ASCII chars then emoji: the pair is kept whole, as the 64th code point.
        String emoji = "\uD83D\uDE00";
        String withPair = "a".repeat(63) + emoji + "tail";
        Map<String, List<String>> q = Map.of("commitNum", List.of(withPair));
        assertThatThrownBy(() -> StreamRequest.parse(q))
                .hasMessage(nonNegative("a".repeat(63) + emoji, "commitNum"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", "Latest", "", "AT", "AT_SEQUENCE_NUMBER ", "1"})
    void check4IteratorType(String value) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("commitNum", List.of("1"));
        q.put("iteratorType", List.of(value));
        assertThatThrownBy(() -> StreamRequest.parse(q))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER);
                    assertThat(e.detailedMessage())
                            .isEqualTo("Invalid value '" + value + "' for parameter 'iteratorType': " + ITERATOR_TYPES);
                });
    }

    @Test
    void check4EchoIsCutLikeCheck3() {
        String longValue = "L".repeat(70);
        assertInvalid("iteratorType=" + longValue,
                "Invalid value '" + "L".repeat(64) + "' for parameter 'iteratorType': " + ITERATOR_TYPES);
    }

    @Test
    void check5CommitNumRequiredForAtAndAfter() {
        assertInvalid("", COMMIT_NUM_REQUIRED);
        assertInvalid("limit=5&opNum=3", COMMIT_NUM_REQUIRED);
        assertInvalid("iteratorType=AT_SEQUENCE_NUMBER", COMMIT_NUM_REQUIRED);
        assertInvalid("iteratorType=AFTER_SEQUENCE_NUMBER&opNum=1", COMMIT_NUM_REQUIRED);
        assertThat(request("iteratorType=TRIM_HORIZON").iteratorType()).isEqualTo(IteratorType.TRIM_HORIZON);
        assertThat(request("iteratorType=LATEST").iteratorType()).isEqualTo(IteratorType.LATEST);
    }

    @Test
    void checksRunInTableOrderWhateverThePositions() {
        // 1 before 2, 3, 4 and 5
        assertInvalid("limit=1&limit=2&opNum=x&iteratorType=bad&foo=1", "Unknown parameter: foo");
        // 2 before 3, 4 and 5
        assertInvalid("limit=0&iteratorType=bad&opNum=1&opNum=2", "Too many values supplied for: opNum");
        // 3 before 4 and 5
        assertInvalid("iteratorType=bad&limit=0", limitRange("0"));
        assertInvalid("iteratorType=bad&opNum=-1", nonNegative("-1", "opNum"));
        // 4 before 5
        assertInvalid("iteratorType=bad", "Invalid value 'bad' for parameter 'iteratorType': " + ITERATOR_TYPES);
    }

    @Test
    void withinOneCheckTheFirstParameterInQueryOrderIsReported() {
        assertInvalid("b=1&a=1", "Unknown parameter: b");
        assertInvalid("a=1&b=1", "Unknown parameter: a");
        assertInvalid("opNum=1&limit=1&limit=2&opNum=2", "Too many values supplied for: opNum");
        assertInvalid("limit=1&opNum=1&limit=2&opNum=2", "Too many values supplied for: limit");
        assertInvalid("opNum=x&limit=0&commitNum=y", nonNegative("x", "opNum"));
        assertInvalid("limit=0&opNum=x&commitNum=y", limitRange("0"));
        assertInvalid("commitNum=y&limit=0&opNum=x", nonNegative("y", "commitNum"));
    }

    @Test
    void emptyValueListCountsAsAbsent() {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("commitNum", List.of("3"));
        q.put("limit", List.of());
        q.put("unknown", List.of());
        assertThat(StreamRequest.parse(q)).isEqualTo(new StreamRequest(IteratorType.AT_SEQUENCE_NUMBER, 3, 1, 10));
    }

    @Test
    void urlDecodedValuesAreChecked() {
        assertThat(query("commitNum=%31%32")).containsEntry("commitNum", List.of("12"));
        assertThat(request("commitNum=%31%32").commitNum()).isEqualTo(12);
        assertInvalid("commitNum=%2D1", nonNegative("-1", "commitNum"));
    }

    @Test
    void constructorRefusesInvalidRequests() {
        assertThatThrownBy(() -> new StreamRequest(IteratorType.AT_SEQUENCE_NUMBER, -1, 1, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StreamRequest(IteratorType.LATEST, -2, 1, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StreamRequest(IteratorType.LATEST, -1, -1, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StreamRequest(IteratorType.LATEST, -1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StreamRequest(IteratorType.LATEST, -1, 1, 100_001))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StreamRequest(null, 1, 1, 1)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "commitNum=1&opNum=1, AT_SEQUENCE_NUMBER, 1, 1, 10",
            "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=0, AFTER_SEQUENCE_NUMBER, 0, 1, 10",
            "limit=7&commitNum=9223372036854775807, AT_SEQUENCE_NUMBER, 9223372036854775807, 1, 7",
    })
    void parsesTable(String queryString, IteratorType type, long commitNum, long opNum, int limit) {
        assertThat(request(queryString)).isEqualTo(new StreamRequest(type, commitNum, opNum, limit));
    }
}
