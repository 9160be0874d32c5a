package dev.nereid.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.EventId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an error answer: {@code {"requestId","code","detailedMessage"}} (spec §4), the code also from
 * {@code x-amzn-ErrorType} as the SDKs read it. Bodies that are not Neptune's (a proxy's 502 page) are
 * classed by their HTTP status alone.
 */
public final class ErrorBodies {
    private static final JsonFactory JSON = new JsonFactory();
    /** The only part of a 404's message clients parse (spec §3.3). */
    private static final Pattern LAST_VALID =
            Pattern.compile("Last valid eventId is \\[commitNum = (\\d+), opNum = (\\d+)]");
    private static final int MAX_ECHOED_BODY = 200;

    private ErrorBodies() {
    }

    /**
     * @param errorTypeHeader {@code x-amzn-ErrorType}, or null
     * @param requestIdHeader {@code x-amzn-RequestId}, or null
     */
    public static StreamServiceException read(int status, byte[] body, String errorTypeHeader, String requestIdHeader) {
        String code = null;
        String message = null;
        String requestId = null;
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    String text = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    p.skipChildren();
                    switch (name) {
                        case "code" -> code = text;
                        case "detailedMessage" -> message = text;
                        case "requestId" -> requestId = text;
                        default -> {
                        }
                    }
                }
            }
        } catch (IOException e) {
            // not JSON: classed by status below
        }
        if (code == null && errorTypeHeader != null && !errorTypeHeader.isBlank()) {
            // AWS's header may carry a suffix after ':'.
            int colon = errorTypeHeader.indexOf(':');
            code = (colon < 0 ? errorTypeHeader : errorTypeHeader.substring(0, colon)).trim();
        }
        if (requestId == null) {
            requestId = requestIdHeader;
        }
        if (message == null) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            message = text.length() > MAX_ECHOED_BODY ? text.substring(0, MAX_ECHOED_BODY) + "…" : text;
        }
        ErrorCode errorCode = errorCode(code, status);
        return new StreamServiceException(errorCode, status, code == null ? errorCode.code() : code, message, requestId);
    }

    /**
     * The code sent, matched by name and status first (two codes share MethodNotAllowedException), then by
     * name; an unknown or missing code is classed by its status: 429 and 5xx may be retried, the rest not.
     */
    static ErrorCode errorCode(String code, int status) {
        ErrorCode byName = null;
        for (ErrorCode c : ErrorCode.values()) {
            if (c.code().equals(code)) {
                if (c.httpStatus() == status) {
                    return c;
                }
                if (byName == null) {
                    byName = c;
                }
            }
        }
        if (byName != null) {
            return byName;
        }
        if (status == 429) {
            return ErrorCode.TOO_MANY_REQUESTS;
        }
        if (status == 408) {
            return ErrorCode.CLIENT_TIMEOUT;
        }
        if (status >= 500) {
            return ErrorCode.INTERNAL_FAILURE;
        }
        return status == 403 ? ErrorCode.ACCESS_DENIED : ErrorCode.BAD_REQUEST;
    }

    /**
     * The newest readable event named by a "from the future" 404 (spec §3.3), or empty when the stream
     * holds nothing readable or the message does not name one.
     */
    public static Optional<EventId> lastValidEventId(String detailedMessage) {
        if (detailedMessage == null) {
            return Optional.empty();
        }
        Matcher m = LAST_VALID.matcher(detailedMessage);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EventId(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
