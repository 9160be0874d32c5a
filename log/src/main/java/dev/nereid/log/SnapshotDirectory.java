package dev.nereid.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where one engine keeps its snapshots: files named {@code snapshot-<commitNum, 20 digits>.<extension>},
 * each written beside its place as {@code .tmp}, forced, renamed into place, and the directory forced,
 * so a crash leaves a whole snapshot or none. The engine writes the bytes; this class knows the names,
 * the publishing, and which snapshots the log can continue from.
 */
public final class SnapshotDirectory {

    private final Path dir;
    private final String extension;
    private final Pattern name;

    /** @param dir the directory, or null for an engine without snapshots (then nothing is listed) */
    public SnapshotDirectory(Path dir, String extension) {
        this.dir = dir;
        this.extension = extension;
        this.name = Pattern.compile("snapshot-(\\d{20})\\." + Pattern.quote(extension));
    }

    public boolean isEnabled() {
        return dir != null;
    }

    /** Where to write the snapshot of {@code commitNum} before {@link #publish} puts it in place. */
    public Path temporaryFor(long commitNum) throws IOException {
        Files.createDirectories(dir);
        return dir.resolve(fileName(commitNum) + ".tmp");
    }

    /** Forces {@code tmp}, renames it into place as the snapshot of {@code commitNum}, forces the directory. */
    public Path publish(Path tmp, long commitNum) throws IOException {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Path file = dir.resolve(fileName(commitNum));
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // some file systems cannot fsync a directory; the rename is then as durable as they allow
        }
        return file;
    }

    /** Snapshot files, newest first. */
    public List<Path> newestFirst() throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> name.matcher(p.getFileName().toString()).matches())
                    .sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString()))
                    .toList();
        }
    }

    /**
     * Snapshot files the log goes on from, newest first: nothing between one of them and the log's
     * first stored commit is lost, and none is past the log's end.
     */
    public List<Path> usableWith(ChangeLog log) throws IOException {
        long last = log.lastCommit().map(CommitInfo::commitNum).orElse(0L);
        long first = log.firstCommit().map(CommitInfo::commitNum).orElse(last + 1);
        List<Path> usable = new ArrayList<>();
        for (Path file : newestFirst()) {
            long n = commitNumOf(file);
            if (n <= last && n >= first - 1) {
                usable.add(file);
            }
        }
        return usable;
    }

    public long commitNumOf(Path file) {
        Matcher m = name.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a snapshot file: " + file.getFileName());
        }
        return Long.parseLong(m.group(1));
    }

    /** The commitNum of the newest snapshot, or 0. */
    public long newestCommitNum() throws IOException {
        List<Path> files = newestFirst();
        return files.isEmpty() ? 0 : commitNumOf(files.get(0));
    }

    /** Deletes all but the {@code count} newest snapshots. */
    public void keepNewest(int count) throws IOException {
        List<Path> files = newestFirst();
        for (int i = count; i < files.size(); i++) {
            Files.deleteIfExists(files.get(i));
        }
    }

    /**
     * Deletes every snapshot: after a log reset they describe a history that no longer exists, and one
     * could otherwise be taken for a point of the new history once commitNums catch up.
     */
    public void deleteAll() throws IOException {
        keepNewest(0);
    }

    private String fileName(long commitNum) {
        return String.format("snapshot-%020d.%s", commitNum, extension);
    }
}
