package dev.nereid.server.gremlin;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.tinkerpop.gremlin.server.handler.StateKey;
import org.apache.tinkerpop.gremlin.util.MessageSerializer;
import org.apache.tinkerpop.gremlin.util.Tokens;
import org.apache.tinkerpop.gremlin.util.message.RequestMessage;
import org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1;
import org.apache.tinkerpop.gremlin.util.ser.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a request of each binary frame, in place of Gremlin Server's decoder: a mime-type prefix, then
 * the request in that format (GraphBinary for a type no serializer claims, as Gremlin Server does). Every
 * frame becomes a request; one that cannot be decoded becomes an {@code invalid} one, which the op selector
 * answers. Three things differ from Gremlin Server's decoder, each a way a frame went unanswered or took
 * the server down: GraphBinary is read by {@link BoundedGraphBinary}, which trusts no length; a prefix
 * longer than the frame, or any failure of a serializer (not only the one exception Gremlin Server
 * catches), makes an invalid request instead of escaping; and the connection's response format is set
 * before anything is read, so even a first frame without a prefix can be answered.
 */
@ChannelHandler.Sharable
final class NeptuneBinaryRequestDecoder extends MessageToMessageDecoder<BinaryWebSocketFrame> {
    private static final Logger LOG = LoggerFactory.getLogger(NeptuneBinaryRequestDecoder.class);
    /** GraphBinary's version byte (its high bit set), then the request id. */
    private static final int ID_OFFSET = 1;
    private static final int UUID_BYTES = 16;

    private final Map<String, MessageSerializer<?>> serializers;
    private final MessageSerializer<?> graphBinary;

    /** @param serializers Gremlin Server's, by mime type; one of them GraphBinary */
    NeptuneBinaryRequestDecoder(Map<String, MessageSerializer<?>> serializers) {
        this.serializers = serializers;
        this.graphBinary = serializers.values().stream().filter(GraphBinaryMessageSerializerV1.class::isInstance)
                .findFirst().orElseThrow(() -> new IllegalStateException("no GraphBinary serializer"));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, BinaryWebSocketFrame frame, List<Object> out) {
        Channel channel = ctx.channel();
        channel.attr(StateKey.SESSION).set(null);
        channel.attr(StateKey.USE_BINARY).set(true);
        channel.attr(StateKey.SERIALIZER).set(graphBinary);
        ByteBuf bytes = frame.content();
        int mimeLength = bytes.isReadable() ? bytes.readByte() : 0;
        if (mimeLength <= 0 || mimeLength > bytes.readableBytes()) {
            out.add(RequestMessage.INVALID);
            return;
        }
        String mimeType = bytes.readCharSequence(mimeLength, StandardCharsets.UTF_8).toString();
        MessageSerializer<?> serializer = serializers.getOrDefault(mimeType, graphBinary);
        channel.attr(StateKey.SERIALIZER).set(serializer);
        boolean binary = serializer instanceof GraphBinaryMessageSerializerV1;
        int start = bytes.readerIndex();
        try {
            out.add(binary ? BoundedGraphBinary.readRequest(bytes) : serializer.deserializeRequest(bytes));
        } catch (SerializationException | RuntimeException | StackOverflowError e) {
            LOG.debug("Undecodable {} request", mimeType, e);
            out.add(binary ? invalid(bytes, start) : RequestMessage.INVALID);
        }
    }

    /**
     * An invalid request, under the id the message begins with when its bytes hold one: a driver fails
     * the request it sent with the answer, where an answer without an id is one no request waits for.
     */
    private static RequestMessage invalid(ByteBuf bytes, int start) {
        if (bytes.writerIndex() - start < ID_OFFSET + UUID_BYTES || (bytes.getByte(start) & 0x80) == 0) {
            return RequestMessage.INVALID;
        }
        UUID id = new UUID(bytes.getLong(start + ID_OFFSET), bytes.getLong(start + ID_OFFSET + Long.BYTES));
        return RequestMessage.build(Tokens.OPS_INVALID).overrideRequestId(id).create();
    }
}
