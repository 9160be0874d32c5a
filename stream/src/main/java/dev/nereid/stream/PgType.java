package dev.nereid.stream;

/** The {@code type} of a PG record: which kind of statement it inserts or deletes (spec §5.1). */
public enum PgType {
    VERTEX_LABEL("vl"),
    VERTEX_PROPERTY("vp"),
    EDGE("e"),
    EDGE_PROPERTY("ep");

    private final String wireName;

    PgType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether the statement is a label, whose {@code key} is the literal {@code "label"}. */
    public boolean isLabel() {
        return this == VERTEX_LABEL || this == EDGE;
    }

    public static PgType fromWireName(String wireName) {
        for (PgType t : values()) {
            if (t.wireName.equals(wireName)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown PG record type: " + wireName);
    }
}
