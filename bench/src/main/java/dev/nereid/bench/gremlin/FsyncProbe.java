package dev.nereid.bench.gremlin;

import dev.nereid.bench.Latencies;
import dev.nereid.bench.ScratchDirectory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * What one fsync costs on the disk under the data directories right now: small appends to a scratch
 * file, each forced, one at a time. ext4's journal is shared by every writer on the machine, so this
 * moves with whatever else the machine is doing; the run measures it before and after the rounds
 * to show the disk the durable servers had.
 */
final class FsyncProbe {
    private static final int FORCES = 200;
    /** About one small commit's frame. */
    private static final int BYTES = 256;

    private FsyncProbe() {
    }

    /** The latencies of {@value #FORCES} forced {@value #BYTES}-byte appends. */
    static Latencies measure() throws IOException {
        Latencies latencies = new Latencies();
        try (ScratchDirectory directory = ScratchDirectory.create("nereid-fsync-probe-");
             FileChannel file = FileChannel.open(directory.path().resolve("probe"), StandardOpenOption.CREATE,
                     StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer frame = ByteBuffer.allocate(BYTES);
            for (int i = 0; i < FORCES; i++) {
                frame.clear();
                long start = System.nanoTime();
                file.write(frame);
                file.force(false);
                latencies.add(System.nanoTime() - start);
            }
        }
        return latencies;
    }
}
