package dev.nereid.graph.capture;

import java.util.List;

/**
 * The statements of one vertex at one moment: its labels left to right and its property values, both
 * oldest first (the order REMOVE records list them in, spec §5.2).
 */
public record VertexImage(String id, List<String> labels, List<PropertyImage> properties) {
    public VertexImage {
        labels = List.copyOf(labels);
        properties = List.copyOf(properties);
    }
}
