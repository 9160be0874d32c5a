package dev.nereid.server.gremlin;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import org.apache.tinkerpop.gremlin.util.message.RequestMessage;
import org.apache.tinkerpop.gremlin.util.message.ResponseMessage;
import org.apache.tinkerpop.gremlin.util.message.ResponseStatusCode;
import org.junit.jupiter.api.Test;

/** The answer to a message too broken to name its request, through {@link NeptuneErrorEncoder}. */
class UnidentifiedRequestErrorTest {

    @Test
    void getsAnIdOfTheServersInTheResponseAndTheBody() {
        EmbeddedChannel channel = new EmbeddedChannel(new NeptuneErrorEncoder());
        channel.writeOutbound(ResponseMessage.build(RequestMessage.INVALID)
                .code(ResponseStatusCode.REQUEST_ERROR_MALFORMED_REQUEST).statusMessage(NeptuneOpSelector.UNDECODABLE).create());
        ResponseMessage out = channel.readOutbound();
        channel.finishAndReleaseAll();
        assertThat(out.getRequestId()).isNotNull();
        assertThat(out.getStatus().getCode()).isEqualTo(ResponseStatusCode.REQUEST_ERROR_INVALID_REQUEST_ARGUMENTS);
        assertThat(out.getStatus().getMessage()).isEqualTo("{\"requestId\":\"" + out.getRequestId()
                + "\",\"code\":\"BadRequestException\",\"detailedMessage\":\"Message could not be parsed. Check the format of the request.\"}");
    }
}
