package dev.nereid.server.gremlin;

import dev.nereid.server.gremlin.BoundedGraphBinary.Reader;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.tinkerpop.gremlin.process.traversal.Bytecode;
import org.apache.tinkerpop.gremlin.process.traversal.P;
import org.apache.tinkerpop.gremlin.structure.io.Buffer;
import org.apache.tinkerpop.gremlin.structure.io.binary.DataType;
import org.apache.tinkerpop.gremlin.structure.io.binary.GraphBinaryReader;
import org.apache.tinkerpop.gremlin.structure.io.binary.GraphBinaryWriter;
import org.apache.tinkerpop.gremlin.structure.io.binary.types.PSerializer;
import org.apache.tinkerpop.gremlin.structure.io.binary.types.SimpleTypeSerializer;

/**
 * GraphBinary readers that claim what a declared length needs from the message before they allocate by
 * it (see {@link BoundedGraphBinary}). Each reads the format exactly as TinkerPop's reader of that type
 * does and builds the same value.
 */
@SuppressWarnings("rawtypes") // the registry keys readers by TinkerPop's raw collection types
final class BoundedSerializers {
    /** The least room a fully qualified value takes: its type code and its value flag. */
    private static final int VALUE_BYTES = 2;

    private BoundedSerializers() {
    }

    /** A reader only: {@link BoundedGraphBinary}'s registry never writes. */
    private abstract static class ReadOnly<T> extends SimpleTypeSerializer<T> {
        ReadOnly(DataType dataType) {
            super(dataType);
        }

        @Override
        protected void writeValue(T value, Buffer buffer, GraphBinaryWriter context) {
            throw new UnsupportedOperationException("a request reader writes nothing");
        }
    }

    /** A length, then that many bytes. */
    private static byte[] lengthAndBytes(Buffer buffer, GraphBinaryReader context) throws IOException {
        int length = buffer.readInt();
        Reader.of(context).claim(buffer, length, 1);
        byte[] bytes = new byte[length];
        buffer.readBytes(bytes);
        return bytes;
    }

    /** A length, then that many fully qualified values. */
    private static List<Object> values(Buffer buffer, GraphBinaryReader context) throws IOException {
        int length = buffer.readInt();
        Reader.of(context).claim(buffer, length, VALUE_BYTES);
        List<Object> values = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            values.add(context.read(buffer));
        }
        return values;
    }

    static final class Strings extends ReadOnly<String> {
        Strings() {
            super(DataType.STRING);
        }

        @Override
        protected String readValue(Buffer buffer, GraphBinaryReader context) throws IOException {
            return new String(lengthAndBytes(buffer, context), StandardCharsets.UTF_8);
        }
    }

    static final class BigIntegers extends ReadOnly<BigInteger> {
        BigIntegers() {
            super(DataType.BIGINTEGER);
        }

        @Override
        protected BigInteger readValue(Buffer buffer, GraphBinaryReader context) throws IOException {
            return new BigInteger(lengthAndBytes(buffer, context));
        }
    }

    static final class ByteBuffers extends ReadOnly<ByteBuffer> {
        ByteBuffers() {
            super(DataType.BYTEBUFFER);
        }

        @Override
        protected ByteBuffer readValue(Buffer buffer, GraphBinaryReader context) throws IOException {
            return ByteBuffer.wrap(lengthAndBytes(buffer, context));
        }
    }

    static final class InetAddresses<T extends InetAddress> extends ReadOnly<T> {
        InetAddresses() {
            super(DataType.INETADDRESS);
        }

        @Override
        @SuppressWarnings("unchecked") // an Inet4Address or Inet6Address, whichever the bytes make
        protected T readValue(Buffer buffer, GraphBinaryReader context) throws IOException {
            try {
                return (T) InetAddress.getByAddress(lengthAndBytes(buffer, context));
            } catch (UnknownHostException e) {
                throw new IOException("Cannot deserialize InetAddress value", e);
            }
        }
    }

    static final class Lists extends ReadOnly<List> {
        Lists() {
            super(DataType.LIST);
        }

        @Override
        protected List readValue(Buffer buffer, GraphBinaryReader context) throws IOException {
            return values(buffer, context);
        }
    }

    static final class Sets extends ReadOnly<Set> {
        Sets() {
            super(DataType.SET);
        }

        @Override
        protected Set readValue(Buffer buffer, GraphBinaryReader context) throws IOException {
            return new HashSet<>(values(buffer, context));
        }
    }

    static final class Maps extends ReadOnly<Map> {
        Maps() {
            super(DataType.MAP);
        }

        @Override
        protected Map readValue(Buffer buffer, GraphBinaryReader context) throws IOException {
            int length = buffer.readInt();
            Reader.of(context).claim(buffer, length, 2 * VALUE_BYTES);
            Map<Object, Object> map = new LinkedHashMap<>(length);
            for (int i = 0; i < length; i++) {
                map.put(context.read(buffer), context.read(buffer));
            }
            return map;
        }
    }

    /** Steps, then sources: each an operator name and its arguments. */
    static final class Bytecodes extends ReadOnly<Bytecode> {
        Bytecodes() {
            super(DataType.BYTECODE);
        }

        @Override
        protected Bytecode readValue(Buffer buffer, GraphBinaryReader context) throws IOException {
            Bytecode bytecode = new Bytecode();
            // Counts that only bound a loop allocate nothing: a false one runs out of bytes.
            int steps = buffer.readInt();
            for (int i = 0; i < steps; i++) {
                bytecode.addStep(context.readValue(buffer, String.class, false), values(buffer, context).toArray());
            }
            int sources = buffer.readInt();
            for (int i = 0; i < sources; i++) {
                bytecode.addSource(context.readValue(buffer, String.class, false), values(buffer, context).toArray());
            }
            return bytecode;
        }
    }

    /**
     * TinkerPop's predicate reader, which finds the predicate's method by reflection, once its argument
     * count is claimed: the name, then the count, then the arguments, which it reads into arrays of that size.
     */
    static final class Predicates<T extends P> extends PSerializer<T> {
        Predicates(DataType dataType, Class<T> classOfP) {
            super(dataType, classOfP);
        }

        @Override
        protected T readValue(Buffer buffer, GraphBinaryReader context) throws IOException {
            int start = buffer.readerIndex();
            int nameLength = buffer.readInt();
            if (nameLength < 0 || nameLength > buffer.readableBytes()) {
                throw new IOException("Predicate name length " + nameLength + " exceeds what is left of the message");
            }
            buffer.readerIndex(buffer.readerIndex() + nameLength);
            Reader.of(context).claim(buffer, buffer.readInt(), VALUE_BYTES);
            buffer.readerIndex(start);
            return super.readValue(buffer, context);
        }
    }

    /** A type only a response carries, whose TinkerPop reader sizes a list without asking the registry. */
    static final class Refused<T> extends ReadOnly<T> {
        Refused(DataType dataType) {
            super(dataType);
        }

        @Override
        protected T readValue(Buffer buffer, GraphBinaryReader context) throws IOException {
            throw new IOException(getDataType() + " is not accepted in a request");
        }
    }
}
