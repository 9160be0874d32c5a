package dev.nereid.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small bookkeeping file replaced atomically: written to a temporary file, forced, renamed over
 * the old one, and the directory fsynced. A reader therefore sees the old or the new content,
 * and the CRC tells a damaged file from a good one.
 *
 * <pre>
 * All integers big-endian.
 *
 *   offset  size  field
 *   0       4     magic, ASCII "NRST"
 *   4       4     int32 CRC32C of bytes 8 .. end
 *   8       4     int32 payloadLength
 *   12      n     payload (its layout belongs to the file's owner)
 * </pre>
 */
final class StateFile {

    static final String TEMP_SUFFIX = ".tmp";

    private static final Logger LOG = LoggerFactory.getLogger(StateFile.class);
    private static final int MAGIC = 0x4E525354; // "NRST"
    private static final int HEADER_BYTES = 12;

    private final Path path;
    private final LogDirectory directory;

    StateFile(LogDirectory directory, String name) {
        this.directory = directory;
        this.path = directory.path().resolve(name);
    }

    Path path() {
        return path;
    }

    void write(ByteBuffer payload) throws IOException {
        int length = payload.remaining();
        ByteBuffer file = ByteBuffer.allocate(HEADER_BYTES + length);
        file.putInt(MAGIC).putInt(0).putInt(length).put(payload.duplicate());
        CRC32C crc = new CRC32C();
        crc.update(file.array(), 8, 4 + length);
        file.putInt(4, (int) crc.getValue());
        file.flip();
        Path temp = path.resolveSibling(path.getFileName() + TEMP_SUFFIX);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            FrameWriter.writeFully(channel, file, 0);
            channel.force(true);
        }
        Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        directory.fsync();
    }

    /** The payload, or empty if the file does not exist or is damaged (logged: its content is lost). */
    Optional<ByteBuffer> read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        ByteBuffer file = ByteBuffer.wrap(bytes);
        if (bytes.length < HEADER_BYTES || file.getInt(0) != MAGIC || file.getInt(8) != bytes.length - HEADER_BYTES) {
            LOG.warn("Ignoring damaged state file {} ({} bytes)", path, bytes.length);
            return Optional.empty();
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 8, bytes.length - 8);
        if ((int) crc.getValue() != file.getInt(4)) {
            LOG.warn("Ignoring state file {}: CRC mismatch", path);
            return Optional.empty();
        }
        return Optional.of(file.position(HEADER_BYTES).slice());
    }

    void delete() throws IOException {
        Files.deleteIfExists(path);
    }
}
