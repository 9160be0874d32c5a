package dev.nereid.client.poller;

import java.io.IOException;
import java.util.Optional;

/**
 * Keeps one consumer's checkpoint. A save replaces the previous checkpoint atomically: after a crash,
 * {@link #load()} gives the old one or the new one, never a mix or nothing.
 */
public interface CheckpointStore {

    /** The saved checkpoint, or empty when none was ever saved. */
    Optional<Checkpoint> load() throws IOException;

    void save(Checkpoint checkpoint) throws IOException;
}
