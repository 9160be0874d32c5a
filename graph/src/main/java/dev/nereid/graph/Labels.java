package dev.nereid.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Neptune's multi-labels: one TinkerPop label string {@code "A::B"} holds the vertex labels A and B,
 * left to right, each once (spec §5.1, §5.3).
 */
public final class Labels {
    static final String SEPARATOR = "::";

    private Labels() {
    }

    /** Called for every vertex a commit touches, so no regex: most labels hold no separator at all. */
    public static List<String> split(String label) {
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

    /**
     * The labels {@code after} holds, ordered as replaying the net change onto {@code before} leaves
     * them: those {@code before} held in its order, then the others in {@code after}'s order.
     */
    static List<String> replayOrder(List<String> before, List<String> after) {
        List<String> out = new ArrayList<>(after.size());
        for (String label : before) {
            if (after.contains(label)) {
                out.add(label);
            }
        }
        for (String label : after) {
            if (!before.contains(label)) {
                out.add(label);
            }
        }
        return out;
    }

    public static String join(List<String> labels) {
        return String.join(SEPARATOR, labels);
    }
}
