package dev.nereid.graph.capture;

import dev.nereid.stream.PgValue;

/** One property statement of an element: a key and one typed value. */
public record PropertyImage(String key, PgValue value) {
}
