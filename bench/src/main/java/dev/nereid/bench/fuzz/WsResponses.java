package dev.nereid.bench.fuzz;

import dev.nereid.stream.ErrorCode;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.tinkerpop.gremlin.util.ser.MessageTextSerializer;
import org.apache.tinkerpop.gremlin.util.message.ResponseMessage;
import org.apache.tinkerpop.gremlin.util.message.ResponseStatusCode;
import org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1;
import org.apache.tinkerpop.gremlin.util.ser.GraphSONMessageSerializerV2;
import org.apache.tinkerpop.gremlin.util.ser.GraphSONMessageSerializerV3;
import org.apache.tinkerpop.gremlin.util.ser.GraphSONUntypedMessageSerializerV3;

/**
 * Reads Gremlin response messages in whichever format the server chose, and judges their status: an error's
 * status message is the §4 body, and its status code follows from its {@link ErrorCode} as Nereid maps them
 * (499 for a client error, 500 for a server one, 403 and 429 as themselves).
 */
final class WsResponses {
    private static final GraphBinaryMessageSerializerV1 BINARY = new GraphBinaryMessageSerializerV1();
    private static final List<MessageTextSerializer<?>> TEXT = List.of(new GraphSONMessageSerializerV3(),
            new GraphSONMessageSerializerV2(), new GraphSONUntypedMessageSerializerV3());

    private WsResponses() {
    }

    static Optional<ResponseMessage> decode(RawWebSocket.Message m) {
        if (m.binary()) {
            try {
                return Optional.of(BINARY.deserializeResponse(Unpooled.wrappedBuffer(m.payload())));
            } catch (Exception e) {
                // not GraphBinary: a GraphSON request gets GraphSON back, even in a binary frame
            }
        }
        String text = new String(m.payload(), StandardCharsets.UTF_8);
        for (MessageTextSerializer<?> s : TEXT) {
            try {
                return Optional.of(s.deserializeResponse(text));
            } catch (Exception e) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    static boolean success(int code) {
        return code == 200 || code == 204 || code == 206;
    }

    /** The outcome label and violations of a final response's status. */
    static Verdict judge(int status, String message, boolean valid, String prefix) {
        if (success(status)) {
            return new Verdict(prefix + status, 2, false, List.of());
        }
        List<String> violations = new ArrayList<>();
        ErrorContract.ErrorBody body;
        try {
            body = ErrorContract.parse(message == null ? new byte[0] : message.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            violations.add("status " + status + ": " + e.getMessage());
            return new Verdict(prefix + status, status >= 500 ? 5 : 4, true, violations);
        }
        List<ErrorCode> named = Arrays.stream(ErrorCode.values()).filter(c -> c.code().equals(body.code())).toList();
        if (named.isEmpty()) {
            violations.add("unknown error code " + body.code());
        } else if (named.stream().noneMatch(c -> wsStatus(c) == status)) {
            violations.add(body.code() + " sent with WebSocket status " + status + ", expected " + wsStatus(named.get(0)));
        } else {
            ErrorCode code = named.stream().filter(c -> wsStatus(c) == status).findFirst().orElseThrow();
            violations.addAll(ErrorContract.code(body.code(), code.httpStatus()));
        }
        if (valid && !ErrorContract.retryable(body.code())) {
            violations.add("a valid request was refused: " + body.code() + " " + body.detailedMessage());
        }
        return new Verdict(prefix + status + " " + body.code(), status >= 500 ? 5 : 4, true, violations);
    }

    static int wsStatus(ErrorCode code) {
        return switch (code) {
            case ACCESS_DENIED -> ResponseStatusCode.FORBIDDEN.getValue();
            case TOO_MANY_REQUESTS -> ResponseStatusCode.TOO_MANY_REQUESTS.getValue();
            default -> code.httpStatus() < 500 ? ResponseStatusCode.REQUEST_ERROR_INVALID_REQUEST_ARGUMENTS.getValue()
                    : ResponseStatusCode.SERVER_ERROR.getValue();
        };
    }
}
