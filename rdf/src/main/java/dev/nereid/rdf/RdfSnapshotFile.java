package dev.nereid.rdf;

import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.thrift.ThriftRDF;
import org.apache.jena.sparql.core.Quad;
import dev.nereid.log.SnapshotDirectory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * One snapshot of the RDF store at a commitNum: every stored quad, oldest first, in Jena's binary
 * RDF Thrift encoding (lexical forms kept as written, blank-node labels as stored, so the stream goes on
 * naming each blank node as before).
 *
 * <pre>
 * file name: snapshot-&lt;commitNum, 20 digits&gt;.rdfs   (published by {@link SnapshotDirectory})
 * offset  size  field
 *      0     8  magic "NRDRDF01"
 *      8     8  commitNum        (int64, big-endian) — the last commit the snapshot contains
 *     16     8  commitTimestamp  (int64, big-endian) — that commit's timestamp, epoch ms
 *     24     8  quadCount        (int64, big-endian)
 *     32     8  bodyLength       (int64, big-endian)
 *     40     4  CRC32C (int32, big-endian) of the body
 *     44     …  body: an RDF Thrift stream of quadCount quads (no value encoding), to the end of the file
 * </pre>
 * The header is written last, so a file cut short has no valid header. A file whose lengths, count or
 * CRC do not match is not a snapshot; start-up takes the newest valid one.
 */
final class RdfSnapshotFile {

    private static final byte[] MAGIC = "NRDRDF01".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = 44;
    static final String EXTENSION = "rdfs";

    /** The header of a snapshot that passed its checks; its quads were given to the reader's consumer. */
    record Loaded(long commitNum, long commitTimestamp, long quadCount, Path file) {
    }

    private RdfSnapshotFile() {
    }

    static Path write(SnapshotDirectory dir, long commitNum, long commitTimestamp, List<Quad> quads) throws IOException {
        Path tmp = dir.temporaryFor(commitNum);
        CRC32C crc = new CRC32C();
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ch.position(HEADER_BYTES);
            OutputStream body = new BufferedOutputStream(new CheckedOutputStream(Channels.newOutputStream(ch), crc), 1 << 16);
            StreamRDF thrift = ThriftRDF.streamToOutputStream(body, false);
            thrift.start();
            for (Quad q : quads) {
                thrift.quad(q);
            }
            thrift.finish();
            body.flush();
            long bodyLength = ch.position() - HEADER_BYTES;
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            header.put(MAGIC).putLong(commitNum).putLong(commitTimestamp).putLong(quads.size()).putLong(bodyLength)
                    .putInt((int) crc.getValue()).flip();
            ch.write(header, 0);
        }
        return dir.publish(tmp, commitNum);
    }

    /**
     * Reads the snapshot in {@code file}, giving its quads, oldest first, to {@code quads}; empty if the
     * file is damaged — the consumer may then have seen some quads, so the caller must discard them.
     */
    static Optional<Loaded> read(Path file, Consumer<Quad> quads) throws IOException {
        long size = Files.size(file);
        try (InputStream raw = Files.newInputStream(file)) {
            DataInputStream header = new DataInputStream(raw);
            byte[] magic = header.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                return Optional.empty();
            }
            long commitNum = header.readLong();
            long timestamp = header.readLong();
            long count = header.readLong();
            long bodyLength = header.readLong();
            int expectedCrc = header.readInt();
            if (count < 0 || bodyLength != size - HEADER_BYTES) {
                return Optional.empty();
            }
            CRC32C crc = new CRC32C();
            long[] seen = {0};
            StreamRDF sink = new StreamRDFBase() {
                @Override
                public void quad(Quad quad) {
                    seen[0]++;
                    quads.accept(quad);
                }
            };
            ThriftRDF.inputStreamToStream(new CheckedInputStream(new BufferedInputStream(raw, 1 << 16), crc), sink);
            if (seen[0] != count || (int) crc.getValue() != expectedCrc) {
                return Optional.empty();
            }
            return Optional.of(new Loaded(commitNum, timestamp, count, file));
        } catch (EOFException | RuntimeException e) {
            // A damaged body fails inside the Thrift reader with its own runtime exceptions.
            return Optional.empty();
        }
    }
}
