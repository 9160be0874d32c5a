package dev.nereid.server.gremlin;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.tinkerpop.gremlin.server.handler.StateKey;
import org.apache.tinkerpop.gremlin.util.MessageSerializer;
import org.apache.tinkerpop.gremlin.util.Tokens;
import org.apache.tinkerpop.gremlin.util.message.RequestMessage;
import org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1;
import org.apache.tinkerpop.gremlin.util.ser.GraphSONMessageSerializerV3;
import org.junit.jupiter.api.Test;

/** Binary frames as a client sends them, and the request each becomes. */
class NeptuneBinaryRequestDecoderTest {
    static final GraphBinaryMessageSerializerV1 GRAPH_BINARY = new GraphBinaryMessageSerializerV1();
    static final GraphSONMessageSerializerV3 GRAPHSON = new GraphSONMessageSerializerV3();
    static final UUID ID = UUID.fromString("0dbcded3-a9a1-4a25-b419-828c46342e47");
    final RequestMessage eval = RequestMessage.build(Tokens.OPS_EVAL).overrideRequestId(ID)
            .addArg(Tokens.ARGS_GREMLIN, "g.V()").create();

    @Test
    void aRequestInEitherFormatDecodesAndSetsTheFormatOfTheAnswer() throws Exception {
        Decoded binary = decode(serialize(GRAPH_BINARY, eval));
        assertThat(binary.request().getArgs()).isEqualTo(eval.getArgs());
        assertThat(binary.serializer()).isSameAs(GRAPH_BINARY);
        Decoded graphson = decode(serialize(GRAPHSON, eval));
        assertThat(graphson.request().getRequestId()).isEqualTo(ID);
        assertThat(graphson.serializer()).isSameAs(GRAPHSON);
    }

    @Test
    void anUnknownMimeTypeIsReadAsGraphBinaryAsGremlinServerDoes() throws Exception {
        byte[] payload = serialize(GRAPH_BINARY, eval);
        byte[] renamed = concat(mime("application/x-other"), Arrays.copyOfRange(payload, 1 + payload[0], payload.length));
        Decoded decoded = decode(renamed);
        assertThat(decoded.request().getRequestId()).isEqualTo(ID);
        assertThat(decoded.serializer()).isSameAs(GRAPH_BINARY);
    }

    @Test
    void whatCannotBeDecodedIsAnInvalidRequestAnsweredInGraphBinary() throws Exception {
        for (byte[] frame : List.of(new byte[0], new byte[] {0}, new byte[] {(byte) 0x90}, new byte[] {0x40, 'a'},
                concat(mime("application/vnd.gremlin-v3.0+json"), "{\"op\":".getBytes(StandardCharsets.UTF_8)))) {
            Decoded decoded = decode(frame);
            assertThat(decoded.request()).as(Arrays.toString(frame)).isSameAs(RequestMessage.INVALID);
            assertThat(decoded.binary()).isTrue();
        }
        Decoded graphson = decode(concat(mime("application/vnd.gremlin-v3.0+json"), "{".getBytes(StandardCharsets.UTF_8)));
        assertThat(graphson.serializer()).as("answered in the format asked for").isSameAs(GRAPHSON);
    }

    @Test
    void anUndecodableGraphBinaryRequestKeepsTheIdItBeginsWith() throws Exception {
        byte[] payload = serialize(GRAPH_BINARY, eval);
        byte[] cut = Arrays.copyOf(payload, payload.length - 3);
        RequestMessage invalid = decode(cut).request();
        assertThat(invalid.getOp()).isEqualTo(Tokens.OPS_INVALID);
        assertThat(invalid.getRequestId()).isEqualTo(ID);
        int idEnds = 1 + payload[0] + 1 + 16;
        assertThat(decode(Arrays.copyOf(payload, idEnds - 1)).request()).as("too short to hold an id")
                .isSameAs(RequestMessage.INVALID);
    }

    record Decoded(RequestMessage request, MessageSerializer<?> serializer, boolean binary) {
    }

    private static Decoded decode(byte[] frame) {
        Map<String, MessageSerializer<?>> serializers = Map.of("application/vnd.graphbinary-v1.0", GRAPH_BINARY,
                "application/vnd.gremlin-v3.0+json", GRAPHSON);
        EmbeddedChannel channel = new EmbeddedChannel(new NeptuneBinaryRequestDecoder(serializers));
        channel.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(frame)));
        RequestMessage request = channel.readInbound();
        Decoded decoded = new Decoded(request, channel.attr(StateKey.SERIALIZER).get(), channel.attr(StateKey.USE_BINARY).get());
        channel.finishAndReleaseAll();
        return decoded;
    }

    private static byte[] serialize(MessageSerializer<?> serializer, RequestMessage m) throws Exception {
        ByteBuf buf = serializer.serializeRequestAsBinary(m, UnpooledByteBufAllocator.DEFAULT);
        try {
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    private static byte[] mime(String type) {
        byte[] name = type.getBytes(StandardCharsets.UTF_8);
        return concat(new byte[] {(byte) name.length}, name);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
