package dev.nereid.bench.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nereid.stream.ErrorCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every error must look like (spec §4), over HTTP and in a WebSocket response's status message: the
 * body {@code {"requestId","code","detailedMessage"}} and nothing else, a non-blank requestId, a code that
 * {@link ErrorCode} has for that HTTP status, and no 5xx but a retryable one. InternalFailureException is
 * retryable in the enum yet always a failure here: it means the server met something it did not expect.
 */
public final class ErrorContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("requestId", "code", "detailedMessage");
    public static final String REQUEST_ID = "x-amzn-RequestId";
    public static final String ERROR_TYPE = "x-amzn-ErrorType";

    /** The parts of an error body. */
    public record ErrorBody(String requestId, String code, String detailedMessage) {
    }

    private ErrorContract() {
    }

    /** The violations in one HTTP response; empty when it keeps the contract. */
    public static List<String> http(HttpAnswer answer, boolean headRequest) {
        List<String> violations = new ArrayList<>();
        int status = answer.status();
        String requestId = answer.header(REQUEST_ID);
        if (status >= 200 && requestId == null && status != 101) {
            violations.add("no " + REQUEST_ID + " header");
        }
        if (status < 200 || status >= 300 && status < 400) {
            if (status != 100 && status != 101) {
                violations.add("unexpected status " + status);
            }
            return violations;
        }
        if (status < 300) {
            return violations;
        }
        String errorType = answer.header(ERROR_TYPE);
        if (headRequest) {
            // A HEAD response has no body; its headers still name the error.
            violations.addAll(code(errorType, status));
            return violations;
        }
        if (answer.header("Content-Encoding") != null) {
            violations.add("error body sent with Content-Encoding " + answer.header("Content-Encoding"));
        }
        String type = answer.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            violations.add("error Content-Type " + type);
        }
        ErrorBody body;
        try {
            body = parse(answer.body());
        } catch (IllegalArgumentException e) {
            violations.add(e.getMessage());
            return violations;
        }
        if (requestId != null && !requestId.equals(body.requestId())) {
            violations.add("requestId " + body.requestId() + " differs from header " + requestId);
        }
        if (errorType == null || !errorType.equals(body.code())) {
            violations.add(ERROR_TYPE + " " + errorType + " differs from code " + body.code());
        }
        violations.addAll(code(body.code(), status));
        return violations;
    }

    /**
     * The body of an error, checked for shape: exactly the three fields, all strings, requestId not blank.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static ErrorBody parse(byte[] body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("error body is not JSON: "
                    + FuzzCase.printable(body, 200));
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("error body is not a JSON object: " + FuzzCase.printable(body, 200));
        }
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        if (!names.equals(FIELDS) || !FIELDS.stream().allMatch(f -> node.get(f).isTextual())) {
            throw new IllegalArgumentException("error body is not {requestId, code, detailedMessage} as strings: "
                    + FuzzCase.printable(body, 200));
        }
        if (node.get("requestId").asText().isBlank()) {
            throw new IllegalArgumentException("blank requestId in " + FuzzCase.printable(body, 200));
        }
        return new ErrorBody(node.get("requestId").asText(), node.get("code").asText(),
                node.get("detailedMessage").asText());
    }

    /** The violations of an error code sent with an HTTP status. */
    public static List<String> code(String code, int status) {
        List<ErrorCode> named = Arrays.stream(ErrorCode.values()).filter(c -> c.code().equals(code)).toList();
        if (named.isEmpty()) {
            return List.of("unknown error code " + code + " with status " + status);
        }
        List<ErrorCode> matching = named.stream().filter(c -> c.httpStatus() == status).toList();
        if (matching.isEmpty()) {
            return List.of(code + " sent with status " + status + ", expected "
                    + named.stream().map(c -> String.valueOf(c.httpStatus())).collect(Collectors.joining(" or ")));
        }
        if (matching.contains(ErrorCode.INTERNAL_FAILURE)) {
            return List.of("InternalFailureException: the server failed on this request");
        }
        if (status >= 500 && matching.stream().noneMatch(ErrorCode::retryable)) {
            return List.of("5xx with a code that is not retryable: " + code);
        }
        return List.of();
    }

    /** Whether a code is one a valid request may still get: a retryable one (load, time, a reset). */
    public static boolean retryable(String code) {
        return Arrays.stream(ErrorCode.values()).anyMatch(c -> c.code().equals(code) && c.retryable()
                && c != ErrorCode.INTERNAL_FAILURE);
    }
}
