package dev.nereid.server.client;

import dev.nereid.log.ChangeLog;
import dev.nereid.server.TestServer;
import dev.nereid.stream.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Commits of 1 to 12 vertex-property records each, appended as the engines append them. */
final class StreamLoad {
    private StreamLoad() {
    }

    /** Appends {@code commits} commits; the records of commit c are distinct from every other's. */
    static void append(ChangeLog log, int commits, Random random) {
        long first = log.lastCommit().map(c -> c.commitNum() + 1).orElse(1L);
        for (long c = first; c < first + commits; c++) {
            int size = 1 + random.nextInt(12);
            List<Object> records = new ArrayList<>();
            for (int o = 1; o <= size; o++) {
                records.add(Op.ADD);
                records.add(TestServer.vp("v" + c, "k" + o, "value " + c + "." + o + " Kraków ✓"));
            }
            TestServer.append(log, records.toArray());
        }
    }

    /** How many records commit {@code c} of a log holds. */
    static int size(ChangeLog log, long c) {
        try (var cursor = log.cursor(c, 1)) {
            if (!cursor.next() || cursor.commitNum() != c) {
                throw new AssertionError("no commit " + c);
            }
            return cursor.recordCount();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
