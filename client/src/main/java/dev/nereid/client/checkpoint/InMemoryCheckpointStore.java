package dev.nereid.client.checkpoint;

import dev.nereid.client.poller.Checkpoint;
import dev.nereid.client.poller.CheckpointStore;
import java.util.Optional;

/** A checkpoint that lives as long as the process: for tests, and for consumers that start over each time. */
public final class InMemoryCheckpointStore implements CheckpointStore {
    private volatile Checkpoint checkpoint;

    public InMemoryCheckpointStore() {
    }

    public InMemoryCheckpointStore(Checkpoint initial) {
        this.checkpoint = initial;
    }

    @Override
    public Optional<Checkpoint> load() {
        return Optional.ofNullable(checkpoint);
    }

    @Override
    public void save(Checkpoint checkpoint) {
        this.checkpoint = checkpoint;
    }
}
