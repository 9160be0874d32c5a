package dev.nereid.client;

import java.util.Locale;

/** The stream endpoints (spec §1): one RDF stream, and the property-graph stream under three paths. */
public enum StreamPath {
    PROPERTYGRAPH("/propertygraph/stream"),
    PG("/pg/stream"),
    /** The legacy name, deprecated by Neptune but still read by some tools; format GREMLIN_JSON. */
    GREMLIN("/gremlin/stream"),
    SPARQL("/sparql/stream");

    private final String path;

    StreamPath(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** {@code propertygraph}, {@code pg}, {@code gremlin} or {@code sparql}, any case. */
    public static StreamPath of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown stream '" + name + "': expected propertygraph, pg, gremlin or sparql");
        }
    }

    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
