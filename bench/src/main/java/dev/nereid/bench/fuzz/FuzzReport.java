package dev.nereid.bench.fuzz;

import dev.nereid.bench.Machine;
import dev.nereid.bench.MarkdownTable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run's figures: cases and rates per phase, counts per endpoint and per outcome, the checks after the
 * run, and every failure with the seed that replays it.
 */
public record FuzzReport(FuzzOptions options, Tally tally, long sequentialCases, double sequentialSeconds,
                         long concurrentCases, double concurrentSeconds, List<Check> checks) {

    public FuzzReport {
        checks = List.copyOf(checks);
    }

    /** No failure, every check passed, and every case was sent within the time limit. */
    public boolean passed() {
        return tally.failureCount() == 0 && checks.stream().allMatch(Check::passed)
                && sequentialCases == options.requests() && concurrentCases == options.concurrentRequests();
    }

    /** Cases sent, the deliberate reset's two requests included. */
    public long cases() {
        return tally.cases();
    }

    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Fuzz run, seed %d (replay with --seed %d), %s%n%n", options.seed(),
                options.seed(), Machine.current()));
        out.append(String.format(Locale.ROOT, "sequential: %,d cases in %.1f s, %,.0f cases/s, logs checked after "
                + "each refused one%n", sequentialCases, sequentialSeconds, sequentialCases / sequentialSeconds));
        out.append(String.format(Locale.ROOT, "concurrent: %,d cases from %d threads in %.1f s, %,.0f cases/s%n",
                concurrentCases, options.threads(), concurrentSeconds,
                concurrentCases / Math.max(concurrentSeconds, 1e-9)));
        out.append(String.format(Locale.ROOT, "total: %,d cases, %,d failures%n", tally.cases(),
                tally.failureCount()));
        if (sequentialCases < options.requests() || concurrentCases < options.concurrentRequests()) {
            out.append(String.format(Locale.ROOT, "STOPPED at the time limit of %d s, before all %,d + %,d cases%n",
                    options.timeLimit().toSeconds(), options.requests(), options.concurrentRequests()));
        }
        out.append('\n');
        MarkdownTable endpoints = new MarkdownTable("endpoint", "cases", "valid", "2xx", "4xx", "5xx", "no answer",
                "failures");
        for (Map.Entry<String, long[]> e : tally.endpoints().entrySet()) {
            long[] r = e.getValue();
            endpoints.row(e.getKey(), n(r[0]), n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]));
        }
        out.append(endpoints).append('\n');
        MarkdownTable outcomes = new MarkdownTable("outcome", "cases");
        tally.outcomes().forEach((o, n) -> outcomes.row(o, n(n)));
        out.append(outcomes).append('\n');
        out.append("Slowest cases:\n");
        tally.slowest().forEach(s -> out.append("  ").append(s).append('\n'));
        out.append("\nAfter the run:\n");
        for (Check c : checks) {
            out.append(c.passed() ? "  ok    " : "  FAIL  ").append(c.name()).append(" (").append(c.detail())
                    .append(")\n");
        }
        if (!tally.known().isEmpty()) {
            out.append("\nKnown server issues seen (not failures unless --strict; see KnownIssue):\n");
            tally.known().forEach((issue, n) -> out.append(String.format(Locale.ROOT, "  %s: %,d cases: %s%n    e.g. %s%n",
                    issue, n, issue.symptom(), tally.knownExample(issue))));
        }
        if (tally.failureCount() > 0) {
            out.append(String.format(Locale.ROOT, "%nFailures (%,d, first %d shown; seed %d):%n",
                    tally.failureCount(), tally.failures().size(), options.seed()));
            tally.failures().forEach(f -> out.append(f).append('\n'));
        }
        return out.toString();
    }

    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
