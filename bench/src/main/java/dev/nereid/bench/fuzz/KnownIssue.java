package dev.nereid.bench.fuzz;

import java.util.Optional;

/**
 * Server bugs this fuzzer found that are not fixed yet, each matched narrowly by the request that shows it.
 * A match is counted and reported but does not fail a run (unless it is strict), so the suite stays useful
 * while the fix is pending; once a bug is fixed its entry goes, and the fuzzer guards the fix.
 */
public enum KnownIssue {
    // None open: every issue the fuzzer found is fixed, and the fuzzer guards each fix as a failure.
    ;

    private final String symptom;

    KnownIssue(String symptom) {
        this.symptom = symptom;
    }

    public String symptom() {
        return symptom;
    }

    /** The known issue {@code c}'s verdict shows, if any. */
    public static Optional<KnownIssue> of(FuzzCase c, Verdict v) {
        return Optional.empty();
    }
}
