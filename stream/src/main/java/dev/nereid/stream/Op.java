package dev.nereid.stream;

/** What a record does to its statement. The wire carries only these two values. */
public enum Op {
    ADD,
    REMOVE
}
