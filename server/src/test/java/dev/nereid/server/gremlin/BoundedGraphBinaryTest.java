package dev.nereid.server.gremlin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.tinkerpop.gremlin.process.traversal.P;
import org.apache.tinkerpop.gremlin.process.traversal.TextP;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.apache.tinkerpop.gremlin.process.traversal.util.DefaultTraversalMetrics;
import org.apache.tinkerpop.gremlin.structure.util.empty.EmptyGraph;
import org.apache.tinkerpop.gremlin.util.Tokens;
import org.apache.tinkerpop.gremlin.util.message.RequestMessage;
import org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1;
import org.apache.tinkerpop.gremlin.util.ser.SerializationException;
import org.junit.jupiter.api.Test;

/** Requests as TinkerPop's driver writes them, read by the bounded reader. */
class BoundedGraphBinaryTest {
    static final GraphBinaryMessageSerializerV1 TINKERPOP = new GraphBinaryMessageSerializerV1();
    static final GraphTraversalSource G = EmptyGraph.instance().traversal();
    static final UUID ID = UUID.fromString("0dbcded3-a9a1-4a25-b419-828c46342e47");

    @Test
    void readsEveryBoundedTypeAsTinkerPopDoes() throws Exception {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("k", List.of(1, 2L, "three"));
        map.put(4, null);
        RequestMessage request = RequestMessage.build(Tokens.OPS_BYTECODE).processor("traversal").overrideRequestId(ID)
                .addArg(Tokens.ARGS_GREMLIN, G.V().has("name", P.within("a", "b")).has("age", P.gt(3).and(P.lt(9)))
                        .has("x", P.not(P.eq(1)).or(P.neq(2))).has("city", TextP.containing("on"))
                        .where(__.out("knows").count().is(P.between(1, 5))).limit(3).asAdmin().getBytecode())
                .addArg(Tokens.ARGS_ALIASES, Map.of("g", "g"))
                .addArg("strings", List.of("", "é名前", "x".repeat(1000)))
                .addArg("numbers", List.of(new BigInteger("-123456789012345678901234567890"), new BigDecimal("1.25")))
                .addArg("bytes", ByteBuffer.wrap(new byte[] {1, 2, 3}))
                .addArg("addresses", List.of(InetAddress.getByName("10.1.2.3"), InetAddress.getByName("::1")))
                .addArg("set", Set.of("a", "b"))
                .addArg("map", map)
                .create();
        ByteBuf bytes = afterMime(request);
        RequestMessage expected = TINKERPOP.deserializeRequest(bytes.duplicate());
        RequestMessage read = BoundedGraphBinary.readRequest(bytes);
        assertThat(read.getRequestId()).isEqualTo(ID);
        assertThat(read.getOp()).isEqualTo(Tokens.OPS_BYTECODE);
        assertThat(read.getProcessor()).isEqualTo("traversal");
        assertThat(read.getArgs()).isEqualTo(expected.getArgs());
        assertThat(read.getArgs().get(Tokens.ARGS_GREMLIN)).isEqualTo(request.getArgs().get(Tokens.ARGS_GREMLIN));
    }

    @Test
    void claimsThatExactlyFillTheMessagePass() throws Exception {
        // A null is the smallest value (two bytes), a map entry of nulls the smallest entry (four).
        Map<Object, Object> nulls = new LinkedHashMap<>();
        nulls.put(null, null);
        List<Object> list = new ArrayList<>(Collections.nCopies(10_000, null));
        RequestMessage request = RequestMessage.build(Tokens.OPS_EVAL).overrideRequestId(ID)
                .addArg("list", list).addArg("map", nulls).create();
        assertThat(BoundedGraphBinary.readRequest(afterMime(request)).getArgs()).isEqualTo(request.getArgs());
    }

    @Test
    void aLengthBeyondWhatIsLeftFailsBeforeAnythingIsSizedByIt() throws Exception {
        byte[] bytes = bytes(RequestMessage.build(Tokens.OPS_EVAL).overrideRequestId(ID).addArg("x", List.of(7, 8, 9)).create());
        int list = indexOf(bytes, new byte[] {0x09, 0, 0, 0, 0, 3});
        putInt(bytes, list + 2, 0x10000000);
        assertThat(failure(bytes)).isEqualTo("Length 268435456 exceeds what is left of the message");
        putInt(bytes, list + 2, -1);
        assertThat(failure(bytes)).isEqualTo("Negative length -1");
    }

    @Test
    void lengthsThatEachFitButTogetherClaimMoreThanTheMessageFail() throws Exception {
        Object nested = "a".repeat(10_000);
        for (int i = 0; i < 3; i++) {
            nested = List.of(nested);
        }
        byte[] bytes = bytes(RequestMessage.build(Tokens.OPS_EVAL).overrideRequestId(ID).addArg("x", nested).create());
        int outer = indexOf(bytes, new byte[] {0x09, 0, 0, 0, 0, 1});
        for (int level = 0; level < 3; level++) {
            int at = outer + 6 * level;
            putInt(bytes, at + 2, (bytes.length - at - 6) / 2);
        }
        assertThat(failure(bytes)).isEqualTo("Length " + (bytes.length - outer - 12) / 2 + " exceeds what is left of the message");
    }

    @Test
    void aTypeOnlyResponsesCarryIsRefused() throws Exception {
        RequestMessage request = RequestMessage.build(Tokens.OPS_EVAL).overrideRequestId(ID)
                .addArg("metrics", new DefaultTraversalMetrics()).create();
        assertThat(failure(bytes(request))).isEqualTo("TRAVERSALMETRICS is not accepted in a request");
    }

    private static String failure(byte[] afterMime) {
        SerializationException e = catchThrowableOfType(
                () -> BoundedGraphBinary.readRequest(Unpooled.wrappedBuffer(afterMime)), SerializationException.class);
        assertThat(e).isNotNull();
        return e.getCause().getMessage();
    }

    private static ByteBuf afterMime(RequestMessage request) throws SerializationException {
        return Unpooled.wrappedBuffer(bytes(request));
    }

    /** The request as the driver writes it, without its mime-type prefix. */
    private static byte[] bytes(RequestMessage request) throws SerializationException {
        ByteBuf buf = TINKERPOP.serializeRequestAsBinary(request, UnpooledByteBufAllocator.DEFAULT);
        try {
            byte[] all = ByteBufUtil.getBytes(buf);
            return Arrays.copyOfRange(all, 1 + all[0], all.length);
        } finally {
            buf.release();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
