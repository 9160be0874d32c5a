package dev.nereid.bench.fuzz;

import dev.nereid.log.ChangeLog;
import dev.nereid.log.LogCursor;
import java.io.IOException;

/** The log's numbering, read end to end: commitNums 1, 2, 3 … with no gap, and opNums 1..n in each commit. */
final class LogDensity {

    private LogDensity() {
    }

    static Check check(String name, ChangeLog log) throws IOException {
        long expectedCommit = 1;
        int expectedOp = 1;
        long records = 0;
        try (LogCursor c = log.cursor(1, 1)) {
            while (c.next()) {
                if (c.commitNum() != expectedCommit || c.opNum() != expectedOp) {
                    return Check.of(name, false, "expected (" + expectedCommit + "," + expectedOp + "), read ("
                            + c.commitNum() + "," + c.opNum() + ")");
                }
                records++;
                if (c.opNum() == c.recordCount()) {
                    expectedCommit++;
                    expectedOp = 1;
                } else {
                    expectedOp++;
                }
            }
        }
        if (expectedOp != 1) {
            return Check.of(name, false, "the last commit ends at op " + (expectedOp - 1) + " of more");
        }
        return Check.of(name, true, (expectedCommit - 1) + " commits, " + records + " records, dense");
    }
}
