package dev.nereid.server.gremlin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Map;
import java.util.UUID;
import org.apache.tinkerpop.gremlin.util.Tokens;
import org.apache.tinkerpop.gremlin.util.message.RequestMessage;
import org.apache.tinkerpop.gremlin.util.message.ResponseMessage;
import org.apache.tinkerpop.gremlin.util.message.ResponseStatusCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Response messages as Gremlin Server writes them, through the encoder, as the client then reads them. */
class NeptuneErrorEncoderTest {
    final UUID requestId = UUID.fromString("0dbcded3-a9a1-4a25-b419-828c46342e47");
    final RequestMessage request = RequestMessage.build(Tokens.OPS_EVAL).overrideRequestId(requestId).create();

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void aConvertedFailureKeepsItsCodeAndMessage(ErrorCode code) {
        ResponseMessage out = encode(GremlinFailure.of(new NereidException(code, "it: failed")).response(request));
        assertThat(out.getStatus().getMessage()).isEqualTo("{\"requestId\":\"" + requestId + "\",\"code\":\""
                + code.code() + "\",\"detailedMessage\":\"it: failed\"}");
        assertThat(out.getStatus().getCode()).isEqualTo(NeptuneErrorEncoder.statusCode(code));
        assertThat(out.getStatus().getAttributes()).doesNotContainKeys(Tokens.STATUS_ATTRIBUTE_STACK_TRACE,
                Tokens.STATUS_ATTRIBUTE_EXCEPTIONS);
    }

    @Test
    void statusCodesFollowTheErrorCode() {
        assertThat(NeptuneErrorEncoder.statusCode(ErrorCode.MALFORMED_QUERY))
                .isEqualTo(ResponseStatusCode.REQUEST_ERROR_INVALID_REQUEST_ARGUMENTS);
        assertThat(NeptuneErrorEncoder.statusCode(ErrorCode.CONCURRENT_MODIFICATION))
                .isEqualTo(ResponseStatusCode.SERVER_ERROR);
        assertThat(NeptuneErrorEncoder.statusCode(ErrorCode.TOO_MANY_REQUESTS))
                .isEqualTo(ResponseStatusCode.TOO_MANY_REQUESTS);
    }

    @Test
    void anUnexpectedFailureNamesNothingInternal() {
        ResponseMessage out = encode(ResponseMessage.build(request).code(ResponseStatusCode.SERVER_ERROR)
                .statusMessage("java.lang.NullPointerException: at dev.nereid.Secret")
                .statusAttributeException(new NullPointerException("secret"))
                .statusAttribute("host", "/127.0.0.1:1234").create());
        assertThat(out.getStatus().getCode()).isEqualTo(ResponseStatusCode.SERVER_ERROR);
        assertThat(out.getStatus().getMessage()).isEqualTo("{\"requestId\":\"" + requestId
                + "\",\"code\":\"InternalFailureException\",\"detailedMessage\":\"Internal failure\"}");
        assertThat(out.getStatus().getAttributes()).isEqualTo(Map.of("host", "/127.0.0.1:1234"));
    }

    @Test
    void gremlinServersRequestErrorsAreBadRequests() {
        ResponseMessage out = encode(ResponseMessage.build(request)
                .code(ResponseStatusCode.REQUEST_ERROR_MALFORMED_REQUEST)
                .statusMessage("Message with op code [nope] is not recognized.").create());
        assertThat(out.getStatus().getMessage()).isEqualTo("{\"requestId\":\"" + requestId
                + "\",\"code\":\"BadRequestException\",\"detailedMessage\":\"Message with op code [nope] is not recognized.\"}");
    }

    @Test
    void successesPassUntouched() {
        ResponseMessage ok = ResponseMessage.build(request).code(ResponseStatusCode.NO_CONTENT).create();
        assertThat(encode(ok)).isSameAs(ok);
    }

    private static ResponseMessage encode(ResponseMessage message) {
        EmbeddedChannel channel = new EmbeddedChannel(new NeptuneErrorEncoder());
        channel.writeOutbound(message);
        ResponseMessage out = channel.readOutbound();
        channel.finishAndReleaseAll();
        return out;
    }
}
