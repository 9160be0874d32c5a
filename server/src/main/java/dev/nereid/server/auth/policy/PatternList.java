package dev.nereid.server.auth.policy;

import java.util.List;
import java.util.Objects;

/**
 * The patterns of an {@code Action}, {@code NotAction}, {@code Resource} or {@code NotResource} element.
 *
 * @param patterns   with {@code *} and {@code ?} wildcards
 * @param negated    for {@code NotAction} and {@code NotResource}: covers what matches none of them
 * @param ignoreCase true for actions, which IAM matches case-insensitively; resources (ARNs) match exactly
 */
public record PatternList(List<String> patterns, boolean negated, boolean ignoreCase) {
    public PatternList {
        patterns = List.copyOf(Objects.requireNonNull(patterns, "patterns"));
    }

    public static PatternList actions(List<String> patterns, boolean negated) {
        return new PatternList(patterns, negated, true);
    }

    public static PatternList resources(List<String> patterns, boolean negated) {
        return new PatternList(patterns, negated, false);
    }

    public boolean covers(String value) {
        boolean matched = false;
        for (String pattern : patterns) {
            if (WildcardMatcher.matches(pattern, value, ignoreCase)) {
                matched = true;
                break;
            }
        }
        return matched != negated;
    }
}
