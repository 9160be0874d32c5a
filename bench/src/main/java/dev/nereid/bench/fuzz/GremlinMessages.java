package dev.nereid.bench.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.tinkerpop.gremlin.process.traversal.Bytecode;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.structure.util.empty.EmptyGraph;
import org.apache.tinkerpop.gremlin.util.MessageSerializer;
import org.apache.tinkerpop.gremlin.util.Tokens;
import org.apache.tinkerpop.gremlin.util.message.RequestMessage;
import org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1;
import org.apache.tinkerpop.gremlin.util.ser.GraphSONMessageSerializerV3;
import org.apache.tinkerpop.gremlin.util.ser.SerializationException;

/**
 * WebSocket cases for {@code /gremlin}: request messages serialized by TinkerPop itself (GraphBinary in
 * binary frames as the driver sends them, GraphSON in text frames), then broken at every level — the
 * message's bytes, its fields, its mime-type prefix, its frames, the upgrade request.
 */
public final class GremlinMessages {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GraphBinaryMessageSerializerV1 BINARY = new GraphBinaryMessageSerializerV1();
    private static final GraphSONMessageSerializerV3 GRAPHSON = new GraphSONMessageSerializerV3();
    private static final GraphTraversalSource G = EmptyGraph.instance().traversal();
    /** The kind of a valid message split over several frames. */
    public static final String FRAGMENTED = "fragmented";
    /** The kind of a lone ping, which a pong must answer. */
    public static final String PING = "ping";
    /**
     * The kind of a GraphBinary message with a length made to claim far more than the message holds. Such a
     * message is never given to TinkerPop's own reader in this JVM ({@link ServerDecoding}), which would
     * allocate what it claims.
     */
    public static final String LENGTH_CORRUPTED = "length corrupted";

    private final IdPool ids;
    private final RequestSigner signer;

    public GremlinMessages(IdPool ids, RequestSigner signer) {
        this.ids = ids;
        this.signer = signer;
    }

    /** The upgrade request a client sends, signed. */
    public HttpCall handshake(Random r) {
        byte[] key = new byte[16];
        r.nextBytes(key);
        return signer.sign(new HttpCall("GET", "/gremlin", List.of(new Header("Upgrade", "websocket"),
                new Header("Connection", "Upgrade"), new Header("Sec-WebSocket-Key", Base64.getEncoder().encodeToString(key)),
                new Header("Sec-WebSocket-Version", "13")), new byte[0], "ws /gremlin", true, false));
    }

    public WsCase valid(Random r) {
        Message m = message(r);
        return new WsCase(handshake(r), List.of(m.frame()), m.kind(), true, m.writes(), true);
    }

    public WsCase mutated(Random r) {
        Message m = message(r);
        HttpCall handshake = handshake(r);
        return switch (r.nextInt(13)) {
            case 0, 1 -> answered(handshake, WsFrame.of(m.frame().opcode(), m.frame().opcode() == WsFrame.BINARY
                    ? flipPrintable(m.frame().payload(), r) : HttpMutator.flip(m.frame().payload(), r)), "bytes flipped");
            case 2 -> answered(handshake, WsFrame.of(m.frame().opcode(), truncate(m.frame().payload(), r)), "truncated");
            case 3 -> answered(handshake, WsFrame.of(WsFrame.TEXT, fieldMutation(r)), "fields");
            case 4 -> answered(handshake, WsFrame.of(WsFrame.BINARY, mimeMutation(m.frame().payload(), r)), "mime prefix");
            case 5 -> answered(handshake, WsFrame.of(WsFrame.TEXT, fieldMutation(r)), "fields");
            case 6 -> answered(handshake, r.nextBoolean() ? WsFrame.of(WsFrame.TEXT, Nasties.randomBytes(r, 300))
                    : WsFrame.of(WsFrame.BINARY, randomGraphBinary(r)), "random payload");
            case 7 -> answered(handshake, deep(r), "deep script");
            case 8 -> fragmented(handshake, m, r);
            case 9 -> FrameBreaker.broken(handshake, m.frame(), r);
            case 10 -> new WsCase(HandshakeMutator.mutate(handshake, r), List.of(m.frame()), "handshake", false, false,
                    true);
            case 11 -> m.frame().opcode() == WsFrame.BINARY ? lengthCorrupted(handshake, m.frame().payload(), r)
                    : answered(handshake, WsFrame.of(WsFrame.TEXT, HttpMutator.flip(m.frame().payload(), r)), "bytes flipped");
            default -> new WsCase(handshake, List.of(WsFrame.of(WsFrame.PING, Nasties.randomBytes(r, 100))), PING,
                    true, false, false);
        };
    }

    private static WsCase answered(HttpCall handshake, WsFrame frame, String kind) {
        return new WsCase(handshake, List.of(frame), kind, false, false, true);
    }

    /** A whole message split over a first frame and continuations: valid, and must be answered as one. */
    private static WsCase fragmented(HttpCall handshake, Message m, Random r) {
        byte[] p = m.frame().payload();
        int cut = p.length < 2 ? 0 : 1 + r.nextInt(p.length - 1);
        List<WsFrame> frames = new ArrayList<>();
        frames.add(new WsFrame(false, 0, m.frame().opcode(), true, Arrays.copyOfRange(p, 0, cut), -1));
        if (r.nextBoolean()) {
            frames.add(WsFrame.of(WsFrame.PING, new byte[] {1, 2, 3}));
        }
        frames.add(new WsFrame(true, 0, WsFrame.CONTINUATION, true, Arrays.copyOfRange(p, cut, p.length), -1));
        return new WsCase(handshake, frames, FRAGMENTED, true, m.writes(), true);
    }

    /** One valid request message in one frame, and what it is. */
    record Message(WsFrame frame, String kind, boolean writes) {
    }

    private Message message(Random r) {
        UUID id = new UUID(r.nextLong(), r.nextLong());
        boolean text = r.nextInt(3) == 0;
        if (r.nextInt(3) == 0) {
            Bytecode bytecode = switch (r.nextInt(3)) {
                case 0 -> G.V().count().asAdmin().getBytecode();
                case 1 -> G.V().limit(3).valueMap(true).asAdmin().getBytecode();
                default -> G.addV("ws").property(org.apache.tinkerpop.gremlin.structure.T.id, ids.fresh(r))
                        .property("n", r.nextInt(100)).asAdmin().getBytecode();
            };
            RequestMessage m = RequestMessage.build(Tokens.OPS_BYTECODE).processor("traversal").overrideRequestId(id)
                    .addArg(Tokens.ARGS_GREMLIN, bytecode).addArg(Tokens.ARGS_ALIASES, Map.of("g", "g")).create();
            boolean writes = bytecode.toString().contains("addV");
            return text ? new Message(WsFrame.of(WsFrame.TEXT, graphsonText(m)), "bytecode text", writes)
                    : new Message(WsFrame.of(WsFrame.BINARY, serialize(BINARY, m)), "bytecode", writes);
        }
        GremlinCorpus.Script s = GremlinCorpus.any(r, ids);
        RequestMessage m = eval(s.text(), id);
        return text ? new Message(WsFrame.of(WsFrame.TEXT, graphsonText(m)), "script text", s.writes())
                : new Message(WsFrame.of(WsFrame.BINARY, serialize(BINARY, m)), "script", s.writes());
    }

    static RequestMessage eval(String script, UUID id) {
        return RequestMessage.build(Tokens.OPS_EVAL).overrideRequestId(id).addArg(Tokens.ARGS_GREMLIN, script)
                .addArg(Tokens.ARGS_LANGUAGE, "gremlin-lang").create();
    }

    private WsFrame deep(Random r) {
        return WsFrame.of(WsFrame.BINARY, serialize(BINARY, eval(Nasties.deepStatement(r, "/gremlin"),
                UUID.randomUUID())));
    }

    /** A GraphSON request with one field made wrong: id, op, processor, argument types and values. */
    private byte[] fieldMutation(Random r) {
        try {
            ObjectNode m = (ObjectNode) JSON.readTree(graphsonText(eval(GremlinCorpus.read(r, ids).text(),
                    UUID.randomUUID())));
            GraphSonArgs args = new GraphSonArgs((ArrayNode) m.get("args").get("@value"));
            switch (r.nextInt(13)) {
                case 0 -> m.put("requestId", r.nextBoolean() ? "not-a-uuid" : "");
                case 1 -> m.put("op", r.nextBoolean() ? "bogus" : "");
                case 2 -> m.put("processor", "bogus");
                case 3 -> args.put("gremlin", GraphSonArgs.int32(r.nextInt()));
                case 4 -> args.remove("gremlin");
                // Gremlin Server sizes a list by the batch size: Integer.MAX_VALUE once ran the server out of heap.
                case 5 -> args.put("batchSize", GraphSonArgs.int32(new int[] {-1, 0, 1_000_000, Integer.MAX_VALUE}
                        [r.nextInt(4)]));
                case 6 -> args.put("evaluationTimeout", GraphSonArgs.int64(r.nextBoolean() ? -1L : Long.MAX_VALUE));
                case 7 -> args.put("language", TextNode.valueOf(r.nextBoolean() ? "gremlin-groovy" : "nonsense"));
                case 8 -> args.put("aliases", GraphSonArgs.map("g", "nonexistent"));
                case 9 -> m.put("op", r.nextBoolean() ? "close" : "authentication");
                case 10 -> args.put("bindings", GraphSonArgs.map("x", "1"));
                case 11 -> m.remove(r.nextBoolean() ? "processor" : "op");
                default -> {
                    m.put("processor", "session");
                    if (r.nextBoolean()) {
                        args.put("session", TextNode.valueOf(UUID.randomUUID().toString()));
                    }
                }
            }
            return JSON.writeValueAsBytes(m);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] mimeMutation(byte[] payload, Random r) {
        byte[] copy = payload.clone();
        switch (r.nextInt(4)) {
            case 0 -> copy[0] = (byte) (r.nextBoolean() ? 0 : 0x80 | r.nextInt(128));
            case 1 -> copy[0] = (byte) Math.min(127, payload.length + 1 + r.nextInt(20));
            case 2 -> copy[1 + r.nextInt(Math.max(1, copy[0]))] ^= 0x20;
            default -> {
                byte[] mime = "application/vnd.gremlin-v3.0+json".getBytes(StandardCharsets.UTF_8);
                byte[] out = new byte[1 + mime.length + payload.length - 1 - payload[0]];
                out[0] = (byte) mime.length;
                System.arraycopy(mime, 0, out, 1, mime.length);
                System.arraycopy(payload, 1 + payload[0], out, 1 + mime.length, out.length - 1 - mime.length);
                return out;
            }
        }
        return copy;
    }

    /**
     * One of the 4-byte lengths GraphBinary sizes a string, list, map or argument array by (any big-endian
     * int smaller than the message, taken as one) made to claim 16 MiB to 2 GiB: the server must refuse it
     * without allocating what it claims, as it once did on the event loop until the JVM ran out of heap.
     *
     * <p>The case does not count as one whole message ({@code mustAnswer} false) only because the sender
     * would otherwise give it to {@link ServerDecoding}, TinkerPop's reader in this JVM, which allocates what
     * it claims. The client shuts its side after it, and the server's answer, which comes before the
     * connection closes, is judged all the same.
     */
    private static WsCase lengthCorrupted(HttpCall handshake, byte[] payload, Random r) {
        List<Integer> lengths = new ArrayList<>();
        for (int i = 0; i + 4 <= payload.length; i++) {
            int v = (payload[i] & 0xff) << 24 | (payload[i + 1] & 0xff) << 16 | (payload[i + 2] & 0xff) << 8
                    | payload[i + 3] & 0xff;
            if (v > 0 && v < payload.length) {
                lengths.add(i);
            }
        }
        byte[] copy = payload.clone();
        if (!lengths.isEmpty()) {
            copy[lengths.get(r.nextInt(lengths.size()))] = (byte) (1 + r.nextInt(0x7f));
        }
        return new WsCase(handshake, List.of(WsFrame.of(WsFrame.BINARY, copy)), LENGTH_CORRUPTED, false, false, false);
    }

    /**
     * Bits flipped only in printable bytes (string contents, step names; a length's high bytes are zero):
     * the sender hands whole messages to TinkerPop's own reader, which must not meet a huge length (see
     * {@link #lengthCorrupted}). Random payloads fail at GraphBinary's version byte for the same reason.
     */
    private static byte[] flipPrintable(byte[] b, Random r) {
        byte[] copy = b.clone();
        for (int tries = 0, flipped = 0; tries < 64 && flipped < 1 + r.nextInt(3); tries++) {
            int i = r.nextInt(copy.length);
            if (copy[i] >= 0x20 && copy[i] < 0x7f) {
                copy[i] ^= (byte) (1 << r.nextInt(5));
                flipped++;
            }
        }
        return copy;
    }

    private static byte[] randomGraphBinary(Random r) {
        byte[] b = Nasties.randomBytes(r, 300);
        int afterMime = 1 + b[0];
        if (b[0] > 0 && afterMime < b.length) {
            b[afterMime] &= 0x7f;
        }
        return b;
    }

    private static byte[] truncate(byte[] b, Random r) {
        return Arrays.copyOf(b, b.length <= 1 ? 0 : 1 + r.nextInt(b.length - 1));
    }

    /** The GraphSON of a request, as a text frame carries it (no mime-type prefix). */
    static byte[] graphsonText(RequestMessage m) {
        byte[] withMime = serialize(GRAPHSON, m);
        return Arrays.copyOfRange(withMime, 1 + withMime[0], withMime.length);
    }

    static byte[] serialize(MessageSerializer<?> serializer, RequestMessage m) {
        try {
            ByteBuf buf = serializer.serializeRequestAsBinary(m, UnpooledByteBufAllocator.DEFAULT);
            try {
                return ByteBufUtil.getBytes(buf);
            } finally {
                buf.release();
            }
        } catch (SerializationException e) {
            throw new IllegalStateException(e);
        }
    }
}
