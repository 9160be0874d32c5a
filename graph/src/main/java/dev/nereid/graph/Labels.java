package dev.nereid.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Neptune's multi-labels: one TinkerPop label string {@code "A::B"} holds the vertex labels A and B,
 * left to right, each once (spec §5.1, §5.3).
 */
final class Labels {
    static final String SEPARATOR = "::";

    private Labels() {
    }

    /** Called for every vertex a commit touches, so no regex: most labels hold no separator at all. */
    static List<String> split(String label) {
        int at = label.indexOf(SEPARATOR);
        if (at < 0) {
            List<String> one = new ArrayList<>(1);
            if (!label.isEmpty()) {
                one.add(label);
            }
            return one;
        }
        LinkedHashSet<String> labels = new LinkedHashSet<>();
        int from = 0;
        while (at >= 0) {
            if (at > from) {
                labels.add(label.substring(from, at));
            }
            from = at + SEPARATOR.length();
            at = label.indexOf(SEPARATOR, from);
        }
        if (from < label.length()) {
            labels.add(label.substring(from));
        }
        return new ArrayList<>(labels);
    }

    static String join(List<String> labels) {
        return String.join(SEPARATOR, labels);
    }
}
