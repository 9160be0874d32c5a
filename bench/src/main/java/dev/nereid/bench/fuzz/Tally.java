package dev.nereid.bench.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts by endpoint and by outcome, and the failures; shared by the concurrent phase's threads. */
public final class Tally {
    /** Failures kept in full; the rest are only counted. */
    private static final int KEPT = 200;

    /** One endpoint's counts: cases, answered by status class, unanswered, failed, and how many were valid. */
    public static final class Row {
        long cases;
        long valid;
        long s2xx;
        long s4xx;
        long s5xx;
        long unanswered;
        long failed;
    }

    private final boolean strict;
    private final Map<KnownIssue, Long> known = new java.util.EnumMap<>(KnownIssue.class);
    private final Map<KnownIssue, Failure> knownExamples = new java.util.EnumMap<>(KnownIssue.class);
    private final Map<String, Row> endpoints = new TreeMap<>();
    private final Map<String, Long> outcomes = new TreeMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private final java.util.PriorityQueue<Slow> slowest = new java.util.PriorityQueue<>(
            java.util.Comparator.comparingLong(Slow::nanos));
    private long failureCount;
    private long cases;

    /** A case that took long, to tell what makes a run slow. */
    public record Slow(long nanos, String phase, long index, String outcome, String sent) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.2f s %s #%d -> %s: %s", nanos / 1e9, phase, index, outcome,
                    sent);
        }
    }

    /** @param strict count the {@link KnownIssue}s as failures too */
    public Tally(boolean strict) {
        this.strict = strict;
    }

    public synchronized void add(FuzzCase c, Verdict v, String phase, long index, long nanos) {
        if (slowest.size() < 10 || nanos > slowest.peek().nanos()) {
            slowest.add(new Slow(nanos, phase, index, v.outcome(), FuzzCase.printable(
                    c.describe().getBytes(java.nio.charset.StandardCharsets.UTF_8), 300)));
            if (slowest.size() > 10) {
                slowest.poll();
            }
        }
        cases++;
        Row row = endpoints.computeIfAbsent(c.endpoint(), e -> new Row());
        row.cases++;
        row.valid += c.valid() ? 1 : 0;
        switch (v.statusClass()) {
            case 2 -> row.s2xx++;
            case 4 -> row.s4xx++;
            case 5 -> row.s5xx++;
            default -> row.unanswered++;
        }
        outcomes.merge(v.outcome(), 1L, Long::sum);
        if (v.violations().isEmpty()) {
            return;
        }
        Failure f = new Failure(phase, index, c.endpoint(), v.outcome(), c.describe(), v.violations());
        java.util.Optional<KnownIssue> issue = strict ? java.util.Optional.empty() : KnownIssue.of(c, v);
        if (issue.isPresent()) {
            known.merge(issue.get(), 1L, Long::sum);
            knownExamples.putIfAbsent(issue.get(), f);
            return;
        }
        row.failed++;
        failure(f);
    }

    /** A failure that is not one case's: a check after a phase. */
    public synchronized void failure(Failure f) {
        failureCount++;
        if (failures.size() < KEPT) {
            failures.add(f);
        }
    }

    /** How often each known issue showed, and its first case. */
    public synchronized Map<KnownIssue, Long> known() {
        return new java.util.EnumMap<>(known);
    }

    public synchronized Failure knownExample(KnownIssue issue) {
        return knownExamples.get(issue);
    }

    /** The ten slowest cases, slowest first. */
    public synchronized List<Slow> slowest() {
        List<Slow> list = new ArrayList<>(slowest);
        list.sort(java.util.Comparator.comparingLong(Slow::nanos).reversed());
        return list;
    }

    public synchronized long cases() {
        return cases;
    }

    public synchronized long failureCount() {
        return failureCount;
    }

    public synchronized List<Failure> failures() {
        return List.copyOf(failures);
    }

    public synchronized Map<String, Long> outcomes() {
        return new TreeMap<>(outcomes);
    }

    /** Per endpoint: cases, valid, 2xx, 4xx, 5xx, unanswered, failed. */
    public synchronized Map<String, long[]> endpoints() {
        Map<String, long[]> copy = new TreeMap<>();
        endpoints.forEach((e, r) -> copy.put(e, new long[] {r.cases, r.valid, r.s2xx, r.s4xx, r.s5xx, r.unanswered,
            r.failed}));
        return copy;
    }
}
