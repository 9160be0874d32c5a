package dev.nereid.client.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nereid.client.poller.Checkpoint;
import dev.nereid.stream.EventId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCheckpointStoreTest {
    @TempDir
    Path dir;

    @Test
    void savesReplaceTheFileWholeAndLeaveNothingElseBehind() throws IOException {
        FileCheckpointStore store = FileCheckpointStore.of(dir.resolve("sub").resolve("pg.checkpoint"));
        assertThat(store.load()).isEmpty();
        store.save(new Checkpoint(new EventId(12, 4), 1767225600000L));
        store.save(new Checkpoint(new EventId(13, 9), 1767225660000L));
        assertThat(Files.readString(store.file()))
                .isEqualTo("{\"commitNum\":13,\"opNum\":9,\"commitTimestamp\":1767225660000}\n");
        assertThat(FileCheckpointStore.withoutFsync(store.file()).load())
                .contains(new Checkpoint(new EventId(13, 9), 1767225660000L));
        try (Stream<Path> files = Files.list(store.file().getParent())) {
            assertThat(files).containsExactly(store.file());
        }
    }

    @Test
    void aFileThatIsNotACheckpointIsReportedNotIgnored() throws IOException {
        Path file = dir.resolve("bad");
        Files.writeString(file, "12:4");
        assertThatThrownBy(() -> FileCheckpointStore.of(file).load()).isInstanceOf(IOException.class)
                .hasMessage("not a checkpoint file: " + file.toAbsolutePath()
                        + " (expected {\"commitNum\":12,\"opNum\":4,\"commitTimestamp\":1767225600000})");
    }
}
