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

    static List<String> split(String label) {
        LinkedHashSet<String> labels = new LinkedHashSet<>();
        for (String part : label.split(SEPARATOR, -1)) {
            if (!part.isEmpty()) {
                labels.add(part);
            }
        }
        return new ArrayList<>(labels);
    }

    static String join(List<String> labels) {
        return String.join(SEPARATOR, labels);
    }
}
