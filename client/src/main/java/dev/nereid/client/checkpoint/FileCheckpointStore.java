package dev.nereid.client.checkpoint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.nereid.client.poller.Checkpoint;
import dev.nereid.client.poller.CheckpointStore;
import dev.nereid.stream.EventId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;

/**
 * A checkpoint in a small file, replaced atomically: the new content goes to a temporary file beside it,
 * which is forced to disk and renamed over the old one, and the directory is forced so the rename
 * survives a power cut. A reader sees the old file or the new one, never a torn one.
 *
 * <pre>
 * {"commitNum":12,"opNum":4,"commitTimestamp":1767225600000}
 * </pre>
 */
public final class FileCheckpointStore implements CheckpointStore {
    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private final boolean force;

    private FileCheckpointStore(Path file, boolean force) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.force = force;
    }

    /** A store that forces each save to disk. */
    public static FileCheckpointStore of(Path file) {
        return new FileCheckpointStore(file, true);
    }

    /**
     * A store whose saves survive the process being killed but not the machine losing power: no fsync, so
     * a save costs a write and a rename.
     */
    public static FileCheckpointStore withoutFsync(Path file) {
        return new FileCheckpointStore(file, false);
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<Checkpoint> load() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(parse(bytes));
    }

    @Override
    public synchronized void save(Checkpoint checkpoint) throws IOException {
        byte[] bytes = format(checkpoint).getBytes(StandardCharsets.US_ASCII);
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                if (force) {
                    out.force(true);
                }
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + file + " atomically", e);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        if (force) {
            forceDirectory(dir);
        }
    }

    static String format(Checkpoint c) {
        return "{\"commitNum\":" + c.commitNum() + ",\"opNum\":" + c.opNum() + ",\"commitTimestamp\":"
                + c.commitTimestamp() + "}\n";
    }

    private Checkpoint parse(byte[] bytes) throws IOException {
        Long commitNum = null;
        Long opNum = null;
        long commitTimestamp = 0;
        try (JsonParser p = JSON.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw corrupt(null);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "commitNum" -> commitNum = p.getLongValue();
                    case "opNum" -> opNum = p.getLongValue();
                    case "commitTimestamp" -> commitTimestamp = p.getLongValue();
                    default -> p.skipChildren();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw corrupt(e);
        }
        if (commitNum == null || opNum == null) {
            throw corrupt(null);
        }
        return new Checkpoint(new EventId(commitNum, opNum), commitTimestamp);
    }

    private IOException corrupt(Exception cause) {
        return new IOException("not a checkpoint file: " + file + " (expected " + format(
                new Checkpoint(new EventId(12, 4), 1767225600000L)).strip() + ")", cause);
    }

    /** Makes the rename durable; not every platform can open a directory, and there it is skipped. */
    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // e.g. Windows, where a rename is made durable by the file system itself
        }
    }
}
