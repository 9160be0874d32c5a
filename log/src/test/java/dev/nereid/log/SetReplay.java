package dev.nereid.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The replay contract (spec §5.2) as the simplest model of it: every record of a log, in order, applied
 * to a set of statements — an ADD must insert, a REMOVE must delete — while checking that commitNums
 * are 1, 2, 3, … and opNums 1..n within each commit. The engines' oracle tests compare the result with
 * their live state; how a record names its statement and its op is the engine's.
 */
public final class SetReplay {

    private SetReplay() {
    }

    public static Set<String> replay(ChangeLog log, Predicate<ByteBuffer> isAdd, Function<ByteBuffer, String> statement)
            throws IOException {
        Set<String> statements = new HashSet<>();
        long expectedCommit = 1;
        int expectedOp = 1;
        try (LogCursor c = log.cursor(1, 1)) {
            while (c.next()) {
                assertThat(c.commitNum()).isEqualTo(expectedCommit);
                assertThat(c.opNum()).isEqualTo(expectedOp);
                ByteBuffer record = c.record();
                String s = statement.apply(record);
                if (isAdd.test(record)) {
                    assertThat(statements.add(s)).as("ADD of a present statement %s", s).isTrue();
                } else {
                    assertThat(statements.remove(s)).as("REMOVE of an absent statement %s", s).isTrue();
                }
                if (c.opNum() == c.recordCount()) {
                    expectedCommit++;
                    expectedOp = 1;
                } else {
                    expectedOp++;
                }
            }
        }
        return statements;
    }
}
