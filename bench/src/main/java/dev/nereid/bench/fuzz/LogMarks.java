package dev.nereid.bench.fuzz;

import dev.nereid.log.ChangeLog;
import dev.nereid.log.CommitInfo;
import dev.nereid.server.NereidServer;

/** The last commitNum of each change log (0 when empty): what a rejected request must leave as it was. */
public record LogMarks(long propertyGraph, long sparql) {

    public static LogMarks of(NereidServer server) {
        return new LogMarks(last(server.propertyGraphLog()), last(server.sparqlLog()));
    }

    private static long last(ChangeLog log) {
        return log.lastCommit().map(CommitInfo::commitNum).orElse(0L);
    }

    @Override
    public String toString() {
        return "pg " + propertyGraph + ", sparql " + sparql;
    }
}
