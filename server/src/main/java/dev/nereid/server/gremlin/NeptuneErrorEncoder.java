package dev.nereid.server.gremlin;

import dev.nereid.graph.gremlin.GremlinErrors;
import dev.nereid.server.http.ErrorResponses;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.tinkerpop.gremlin.util.Tokens;
import org.apache.tinkerpop.gremlin.util.message.ResponseMessage;
import org.apache.tinkerpop.gremlin.util.message.ResponseStatus;
import org.apache.tinkerpop.gremlin.util.message.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every WebSocket error Neptune's shape (spec §9): the status message is the §4 body
 * {@code {"requestId","code","detailedMessage"}}, the status code follows the error code, and the
 * {@code stackTrace} and {@code exceptions} attributes, which name Nereid's and TinkerPop's internals,
 * are dropped. Sits just before Gremlin Server serializes response messages.
 */
@ChannelHandler.Sharable
final class NeptuneErrorEncoder extends MessageToMessageEncoder<ResponseMessage> {
    private static final Logger LOG = LoggerFactory.getLogger(NeptuneErrorEncoder.class);

    @Override
    public boolean acceptOutboundMessage(Object msg) {
        return msg instanceof ResponseMessage response && isError(response.getStatus().getCode());
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ResponseMessage response, List<Object> out) {
        ResponseStatus status = response.getStatus();
        NereidException error = GremlinFailure.readFrom(status).orElseGet(() -> fromGremlinServer(response));
        Map<String, Object> attributes = new HashMap<>(status.getAttributes());
        attributes.remove(Tokens.STATUS_ATTRIBUTE_STACK_TRACE);
        attributes.remove(Tokens.STATUS_ATTRIBUTE_EXCEPTIONS);
        // A message too broken to name its request gets an id of the server's, as an HTTP request does:
        // Neptune's body always has one, and TinkerPop's GraphSON reader cannot read a response without one.
        UUID requestId = response.getRequestId() != null ? response.getRequestId() : UUID.randomUUID();
        out.add(ResponseMessage.build(requestId)
                .code(statusCode(error.errorCode()))
                .statusMessage(ErrorResponses.body(error.errorCode(), error.detailedMessage(), requestId.toString()))
                .statusAttributes(attributes)
                .responseMetaData(response.getResult().getMeta())
                .result(response.getResult().getData())
                .create());
    }

    private static boolean isError(ResponseStatusCode code) {
        return !code.isSuccess() && code != ResponseStatusCode.AUTHENTICATE;
    }

    /**
     * Errors Gremlin Server raises itself, before or around Nereid's code: request validation (its
     * messages describe the request, nothing internal), its work-queue limit, and everything else, which
     * is logged and answered as an internal failure. (Bytecode it cannot translate, which it answers as a
     * serialization error, is converted before it gets here: see {@link UntranslatableBytecode}.)
     */
    private static NereidException fromGremlinServer(ResponseMessage response) {
        ResponseStatus status = response.getStatus();
        switch (status.getCode()) {
            case REQUEST_ERROR_MALFORMED_REQUEST, REQUEST_ERROR_INVALID_REQUEST_ARGUMENTS,
                    REQUEST_ERROR_SERIALIZATION -> {
                return new NereidException(ErrorCode.BAD_REQUEST, status.getMessage());
            }
            case TOO_MANY_REQUESTS -> {
                return new NereidException(ErrorCode.TOO_MANY_REQUESTS, status.getMessage());
            }
            case SERVER_ERROR_TIMEOUT -> {
                return NereidException.timeLimitExceeded();
            }
            default -> {
                LOG.warn("Gremlin request {} failed with {}: {} {}", response.getRequestId(), status.getCode(),
                        status.getMessage(), status.getAttributes().getOrDefault(Tokens.STATUS_ATTRIBUTE_STACK_TRACE, ""));
                return new NereidException(ErrorCode.INTERNAL_FAILURE, ErrorResponses.INTERNAL_FAILURE_MESSAGE);
            }
        }
    }

    /**
     * Nereid decision: Neptune's WebSocket status codes are not documented; client errors (4xx) answer
     * with TinkerPop's "invalid request arguments" (499), server errors with 500, and the codes TinkerPop
     * has of their own (403, 429) with those. Clients that dispatch on the kind of error read the
     * {@code code} in the message, as they do over HTTP.
     */
    static ResponseStatusCode statusCode(ErrorCode code) {
        return switch (code) {
            case ACCESS_DENIED -> ResponseStatusCode.FORBIDDEN;
            case TOO_MANY_REQUESTS -> ResponseStatusCode.TOO_MANY_REQUESTS;
            default -> code.httpStatus() < 500 ? ResponseStatusCode.REQUEST_ERROR_INVALID_REQUEST_ARGUMENTS
                    : ResponseStatusCode.SERVER_ERROR;
        };
    }
}
