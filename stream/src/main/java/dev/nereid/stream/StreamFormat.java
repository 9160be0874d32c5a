package dev.nereid.stream;

/** The {@code format} field of a page; the three PG paths differ only in this (spec §1). */
public enum StreamFormat {
    PG_JSON,
    GREMLIN_JSON,
    NQUADS
}
