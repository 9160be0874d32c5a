package dev.nereid.server.gremlin;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.tinkerpop.gremlin.process.traversal.Bytecode;
import org.apache.tinkerpop.gremlin.process.traversal.P;
import org.apache.tinkerpop.gremlin.process.traversal.TextP;
import org.apache.tinkerpop.gremlin.process.traversal.util.AndP;
import org.apache.tinkerpop.gremlin.process.traversal.util.Metrics;
import org.apache.tinkerpop.gremlin.process.traversal.util.OrP;
import org.apache.tinkerpop.gremlin.process.traversal.util.TraversalMetrics;
import org.apache.tinkerpop.gremlin.structure.io.Buffer;
import org.apache.tinkerpop.gremlin.structure.io.binary.DataType;
import org.apache.tinkerpop.gremlin.structure.io.binary.GraphBinaryReader;
import org.apache.tinkerpop.gremlin.structure.io.binary.TypeSerializerRegistry;
import org.apache.tinkerpop.gremlin.util.message.RequestMessage;
import org.apache.tinkerpop.gremlin.util.ser.SerializationException;
import org.apache.tinkerpop.gremlin.util.ser.binary.RequestMessageSerializer;

/**
 * Reads GraphBinary requests without trusting their lengths. TinkerPop's readers size a list, map,
 * string, byte array or argument array by the 4-byte length they read before its content, so one corrupted
 * length made Gremlin Server allocate gigabytes on the event loop and the JVM ran out of heap.
 *
 * <p>Here every such length is a claim on the bytes of the message: a declared count times the least
 * room one item takes on the wire (two bytes for a value with its type code and value flag, four for a
 * map entry, one for a byte of a string) must fit in the bytes left to read, and all the claims of one
 * message together must fit in its size. A well-formed message always passes, as each claim covers bytes
 * no other claim covers. A message that lies fails with an {@link IOException} before anything is
 * allocated by the lie, and however deep it nests, what its lengths can make the reader allocate before
 * that is at most a few bytes for each byte received (four for a predicate's two arrays, two for a list
 * or map, one for a string): the same order as decoding real content of that size. Checking each length
 * against the bytes left alone would not do: nested lengths, each just within what is left, would each
 * allocate that much again.
 *
 * <p>Only the request side is bounded: responses are written with TinkerPop's own registry.
 */
final class BoundedGraphBinary {
    private static final TypeSerializerRegistry REGISTRY = registry();
    private static final RequestMessageSerializer REQUESTS = new RequestMessageSerializer();

    private BoundedGraphBinary() {
    }

    /** The request in {@code bytes} (after the mime type), every length it declares held to its size. */
    static RequestMessage readRequest(ByteBuf bytes) throws SerializationException {
        return REQUESTS.readValue(bytes, new Reader(REGISTRY, bytes.readableBytes()));
    }

    /**
     * TinkerPop's registry with the readers that allocate by a declared length replaced by checked ones,
     * and the types only a response carries, whose readers size lists without going through the registry,
     * refused. Every class sharing a data type is replaced, as the registry keys its readers by data type.
     */
    private static TypeSerializerRegistry registry() {
        return TypeSerializerRegistry.build()
                .add(String.class, new BoundedSerializers.Strings())
                .add(BigInteger.class, new BoundedSerializers.BigIntegers())
                .add(ByteBuffer.class, new BoundedSerializers.ByteBuffers())
                .add(InetAddress.class, new BoundedSerializers.InetAddresses<>())
                .add(Inet4Address.class, new BoundedSerializers.InetAddresses<>())
                .add(Inet6Address.class, new BoundedSerializers.InetAddresses<>())
                .add(List.class, new BoundedSerializers.Lists())
                .add(Set.class, new BoundedSerializers.Sets())
                .add(Map.class, new BoundedSerializers.Maps())
                .add(Bytecode.class, new BoundedSerializers.Bytecodes())
                .add(P.class, new BoundedSerializers.Predicates<>(DataType.P, P.class))
                .add(AndP.class, new BoundedSerializers.Predicates<>(DataType.P, AndP.class))
                .add(OrP.class, new BoundedSerializers.Predicates<>(DataType.P, OrP.class))
                .add(TextP.class, new BoundedSerializers.Predicates<>(DataType.TEXTP, TextP.class))
                .add(Metrics.class, new BoundedSerializers.Refused<>(DataType.METRICS))
                .add(TraversalMetrics.class, new BoundedSerializers.Refused<>(DataType.TRAVERSALMETRICS))
                .create();
    }

    /** The reader of one message: it keeps what the message's claims have left. */
    static final class Reader extends GraphBinaryReader {
        private long unclaimed;

        Reader(TypeSerializerRegistry registry, int messageBytes) {
            super(registry);
            this.unclaimed = messageBytes;
        }

        /**
         * Claims the room {@code count} items of at least {@code bytesEach} bytes need, before anything is
         * sized by {@code count}.
         */
        void claim(Buffer buffer, int count, int bytesEach) throws IOException {
            if (count < 0) {
                throw new IOException("Negative length " + count);
            }
            long bytes = (long) count * bytesEach;
            if (bytes > buffer.readableBytes() || bytes > unclaimed) {
                throw new IOException("Length " + count + " exceeds what is left of the message");
            }
            unclaimed -= bytes;
        }

        /** The reader a serializer was handed: always one of these, as only {@link #readRequest} reads with this registry. */
        static Reader of(GraphBinaryReader context) throws IOException {
            if (context instanceof Reader reader) {
                return reader;
            }
            throw new IOException("GraphBinary read outside a bounded request");
        }
    }
}
