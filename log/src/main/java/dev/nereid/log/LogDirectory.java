package dev.nereid.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The directory of one log: segment files, bookkeeping files and a lock file that keeps a second
 * process (or a second open in this one) from writing the same log.
 */
final class LogDirectory implements AutoCloseable {

    static final String LOCK_FILE = "LOCK";

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private LogDirectory(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static LogDirectory lock(Path path) throws IOException {
        Files.createDirectories(path);
        FileChannel channel = FileChannel.open(path.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IOException("log directory " + path + " is in use by another process");
            }
            return new LogDirectory(path, channel, lock);
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new IOException("log directory " + path + " is already open in this process", e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    Path path() {
        return path;
    }

    /** Makes the directory's entries (created, renamed, deleted files) durable. */
    void fsync() throws IOException {
        try (FileChannel dir = FileChannel.open(path, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    /** Segment files in commit order, as (base, path). */
    List<Path> segmentFiles() throws IOException {
        List<Path> segments = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
            for (Path entry : entries) {
                if (Segment.parseBase(entry.getFileName().toString()) > 0) {
                    segments.add(entry);
                }
            }
        }
        segments.sort(Comparator.comparingLong(p -> Segment.parseBase(p.getFileName().toString())));
        return segments;
    }

    /** Deletes temporary files a crash left behind while replacing a bookkeeping file. */
    void deleteTemporaryFiles() throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path, "*" + StateFile.TEMP_SUFFIX)) {
            for (Path entry : entries) {
                Files.deleteIfExists(entry);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }
}
