package dev.nereid.log;

import java.io.IOException;
import java.util.OptionalLong;

/** An engine that can write a snapshot of its state over its change log ({@link SnapshotSchedule} calls it). */
public interface Snapshotting {

    /** What the engine is called in log lines: "property-graph", "rdf". */
    String name();

    /** The engine's change log. */
    ChangeLog log();

    /** The commitNum of the newest snapshot on disk, or 0. */
    long lastSnapshotCommitNum() throws IOException;

    /**
     * Writes a snapshot at the log's last commit and registers it with the log.
     *
     * @return its commitNum, or empty if there was nothing to snapshot or no snapshot directory
     */
    OptionalLong snapshot() throws IOException;
}
