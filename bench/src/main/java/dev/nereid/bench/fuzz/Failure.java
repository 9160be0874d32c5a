package dev.nereid.bench.fuzz;

import java.util.List;

/**
 * A case that broke the contract, with what it takes to find it again: the run's seed, the phase, the
 * case's index in it (the sequential phase replays exactly from the seed) and what was sent.
 */
public record Failure(String phase, long index, String endpoint, String outcome, String sent, List<String> violations) {

    public Failure {
        violations = List.copyOf(violations);
    }

    @Override
    public String toString() {
        return phase + " #" + index + " " + endpoint + " -> " + outcome + ": " + String.join("; ", violations)
                + "\n    sent: " + sent;
    }
}
