package dev.nereid.graph;

import dev.nereid.graph.capture.PgChange;
import dev.nereid.log.SnapshotDirectory;
import dev.nereid.stream.Op;
import dev.nereid.stream.PgData;
import dev.nereid.stream.RecordCodec;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * One snapshot of the property graph at a commitNum: the ADD records that rebuild it.
 *
 * <pre>
 * file name: snapshot-&lt;commitNum, 20 digits&gt;.pgs    (published by {@link SnapshotDirectory})
 * offset  size  field
 *      0     8  magic "NRDPGS01"
 *      8     8  commitNum        (int64, big-endian) — the last commit the snapshot contains
 *     16     8  commitTimestamp  (int64, big-endian) — that commit's timestamp, epoch ms
 *     24     8  recordCount      (int64, big-endian)
 *     32     …  recordCount × { length int32 big-endian, record: RecordCodec bytes (op byte + data JSON) }
 *      …     4  CRC32C (int32, big-endian) of every byte before it
 * </pre>
 * A file whose CRC does not match, or that is cut short, is not a snapshot; start-up takes the newest
 * valid one.
 */
final class SnapshotFile {

    private static final byte[] MAGIC = "NRDPGS01".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final String EXTENSION = "pgs";

    /** A snapshot read back. */
    record Loaded(long commitNum, long commitTimestamp, List<PgChange> records, Path file) {
    }

    private SnapshotFile() {
    }

    static Path write(SnapshotDirectory dir, long commitNum, long commitTimestamp, List<PgChange> records) throws IOException {
        Path tmp = dir.temporaryFor(commitNum);
        CRC32C crc = new CRC32C();
        try (OutputStream raw = Files.newOutputStream(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(raw, crc), 1 << 16))) {
            out.write(MAGIC);
            out.writeLong(commitNum);
            out.writeLong(commitTimestamp);
            out.writeLong(records.size());
            for (PgChange c : records) {
                byte[] record = RecordCodec.encode(c.op(), c.data().toJson());
                out.writeInt(record.length);
                out.write(record);
            }
            out.flush();
            new DataOutputStream(raw).writeInt((int) crc.getValue());
        }
        return dir.publish(tmp, commitNum);
    }

    /** The snapshot in {@code file}, or empty if it is damaged. */
    static Optional<Loaded> read(Path file) throws IOException {
        long size = Files.size(file);
        CRC32C crc = new CRC32C();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                return Optional.empty();
            }
            long commitNum = in.readLong();
            long timestamp = in.readLong();
            long count = in.readLong();
            if (count < 0 || count > size) {
                return Optional.empty();
            }
            List<PgChange> records = new ArrayList<>((int) Math.min(count, 1 << 20));
            for (long i = 0; i < count; i++) {
                int length = in.readInt();
                if (length < 1 || length > size) {
                    return Optional.empty();
                }
                byte[] record = in.readNBytes(length);
                if (record.length != length) {
                    return Optional.empty();
                }
                ByteBuffer b = ByteBuffer.wrap(record);
                Op op = RecordCodec.op(b);
                records.add(new PgChange(op, PgData.fromJson(record, RecordCodec.dataOffset(), length - RecordCodec.dataOffset())));
            }
            int expected = (int) crc.getValue();
            int stored = new DataInputStream(raw).readInt();
            if (stored != expected || raw.read() != -1) {
                return Optional.empty();
            }
            return Optional.of(new Loaded(commitNum, timestamp, records, file));
        } catch (EOFException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
