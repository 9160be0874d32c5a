package dev.nereid.bench.cypher;

import java.util.Locale;

/**
 * The three ways the benchmark creates the same node: one {@code Person} vertex with a {@code name}
 * string and an {@code age} long, one request and one transaction each. Names carry a per-variant
 * prefix of the same length, so the final audit can tell who wrote what without changing the size
 * of what is written.
 */
enum Variant {
    /** openCypher with the values as parameters, the way a driver or the SDK sends a statement. */
    CYPHER_PARAMETERS("openCypher, parameters", "/openCypher", "c-") {
        @Override
        String body(String name, long age) {
            return "{\"query\":\"CREATE (n:Person {name: $name, age: $age})\",\"parameters\":{\"name\":\"" + name
                    + "\",\"age\":" + age + "}}";
        }
    },
    /** openCypher with the values inline: a different statement text on every request. */
    CYPHER_LITERALS("openCypher, literals", "/openCypher", "l-") {
        @Override
        String body(String name, long age) {
            return "{\"query\":\"CREATE (n:Person {name: '" + name + "', age: " + age + "})\"}";
        }
    },
    /**
     * The baseline: the same write as a Gremlin script over HTTP. The age is written {@code 42L}:
     * gremlin-lang reads a bare {@code 42} as an Integer, openCypher as a Long, and the stream would
     * show the difference; with the suffix both store exactly the same records.
     */
    GREMLIN("Gremlin, script", "/gremlin", "g-") {
        @Override
        String body(String name, long age) {
            return "{\"gremlin\":\"g.addV('Person').property('name','" + name + "').property('age'," + age + "L)\"}";
        }
    };

    private final String label;
    private final String path;
    private final String prefix;

    Variant(String label, String path, String prefix) {
        this.label = label;
        this.path = path;
        this.prefix = prefix;
    }

    /** The JSON request body creating the node; names are plain ASCII, so nothing needs escaping. */
    abstract String body(String name, long age);

    /** The n-th write's name: the variant's prefix, then the same text for every variant. */
    String name(long n) {
        return prefix + "person " + n;
    }

    String label() {
        return label;
    }

    String path() {
        return path;
    }

    String prefix() {
        return prefix;
    }

    String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Variant fromCliName(String name) {
        for (Variant v : values()) {
            if (v.cliName().equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown variant " + name + " (cypher-parameters, cypher-literals, gremlin)");
    }

    boolean isCypher() {
        return this != GREMLIN;
    }
}
