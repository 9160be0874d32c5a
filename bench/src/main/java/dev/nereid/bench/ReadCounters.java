package dev.nereid.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a read benchmark got through, reported by JMH as rates beside the primary score: records/s
 * and bytes/s. One invocation reads a whole log or page, whose size is known only at run time, so
 * a fixed {@code @OperationsPerInvocation} cannot express it.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class ReadCounters {
    public long records;
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
        records = 0;
        bytes = 0;
    }
}
