package dev.nereid.graph.capture;

import java.util.List;

/** The statements of one edge at one moment: its label and endpoints, and its property values oldest first. */
public record EdgeImage(String id, String label, String from, String to, List<PropertyImage> properties) {
    public EdgeImage {
        properties = List.copyOf(properties);
    }

    boolean sameEdgeAs(EdgeImage other) {
        return label.equals(other.label) && from.equals(other.from) && to.equals(other.to);
    }
}
