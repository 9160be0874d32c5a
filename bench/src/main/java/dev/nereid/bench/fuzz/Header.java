package dev.nereid.bench.fuzz;

/** One request header as it goes on the wire: name and value unchecked, so either may be hostile. */
public record Header(String name, String value) {
}
