package dev.nereid.bench.fuzz;

import java.util.List;

/**
 * How one case went.
 *
 * @param outcome     what the totals count it under, e.g. {@code 400 MalformedQueryException} or
 *                    {@code ws close 1002}
 * @param statusClass 2, 4 or 5 for an answer with that HTTP (or equivalent) status class, 0 for none
 * @param rejected    the server refused it (or answered nothing): it must not have changed any data
 * @param violations  what broke the contract; empty when the case passed
 */
public record Verdict(String outcome, int statusClass, boolean rejected, List<String> violations) {

    public Verdict {
        violations = List.copyOf(violations);
    }
}
