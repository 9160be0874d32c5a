package dev.nereid.bench.fuzz;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tinkerpop.gremlin.util.MessageSerializer;
import org.apache.tinkerpop.gremlin.util.message.RequestMessage;
import org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1;
import org.apache.tinkerpop.gremlin.util.ser.GraphSONMessageSerializerV2;
import org.apache.tinkerpop.gremlin.util.ser.GraphSONMessageSerializerV3;
import org.apache.tinkerpop.gremlin.util.ser.GraphSONUntypedMessageSerializerV3;

/**
 * Whether Gremlin Server will make a request out of frames, decided as it decides: each data frame alone (it
 * has no frame aggregator, so a fragment is decoded on its own), text as GraphSON 3, binary by its mime-type
 * prefix with the first serializer claiming it, in the order Nereid registers them. A request it cannot make
 * is failed on the connection's event loop, before anything sent after it is read: its answer, if any, comes
 * before the answer to a later request.
 */
final class ServerDecoding {
    private static final GraphBinaryMessageSerializerV1 BINARY = new GraphBinaryMessageSerializerV1();
    private static final GraphSONMessageSerializerV3 TEXT = new GraphSONMessageSerializerV3();
    private static final Map<String, MessageSerializer<?>> BY_MIME = new LinkedHashMap<>();

    static {
        for (MessageSerializer<?> s : List.of(BINARY, TEXT, new GraphSONUntypedMessageSerializerV3(),
                new GraphSONMessageSerializerV2())) {
            for (String mime : s.mimeTypesSupported()) {
                BY_MIME.putIfAbsent(mime, s);
            }
        }
    }

    private ServerDecoding() {
    }

    /** True if the first data message the server sees decodes into a request with an op and a processor. */
    static boolean decodes(List<WsFrame> frames) {
        return request(frames).filter(m -> m.getOp() != null && m.getProcessor() != null).isPresent();
    }

    /** The request the server makes of the first data message it sees, if it can make one. */
    static java.util.Optional<RequestMessage> request(List<WsFrame> frames) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        int opcode = -1;
        for (WsFrame f : frames) {
            if (f.opcode() >= WsFrame.CLOSE) {
                continue;
            }
            if (opcode < 0) {
                opcode = f.opcode();
            }
            payload.writeBytes(f.payload());
            // The server decodes the first fragment alone.
            break;
        }
        try {
            RequestMessage m = opcode == WsFrame.TEXT ? TEXT.deserializeRequest(payload.toString(StandardCharsets.UTF_8))
                    : opcode == WsFrame.BINARY ? binary(Unpooled.wrappedBuffer(payload.toByteArray())) : null;
            return java.util.Optional.ofNullable(m);
        } catch (Exception | StackOverflowError e) {
            return java.util.Optional.empty();
        }
    }

    /** Whether every text frame's payload is valid UTF-8; the server may drop the connection otherwise. */
    static boolean validText(List<WsFrame> frames) {
        for (WsFrame f : frames) {
            if (f.opcode() == WsFrame.TEXT) {
                try {
                    StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(f.payload()));
                } catch (java.nio.charset.CharacterCodingException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static RequestMessage binary(ByteBuf bytes) throws Exception {
        byte length = bytes.readByte();
        if (length <= 0) {
            return null;
        }
        String mime = bytes.readCharSequence(length, StandardCharsets.UTF_8).toString();
        return BY_MIME.getOrDefault(mime, BINARY).deserializeRequest(bytes.discardReadBytes());
    }
}
