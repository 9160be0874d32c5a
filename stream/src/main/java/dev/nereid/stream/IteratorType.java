package dev.nereid.stream;

/** Where a read starts (spec §3.2). Wire names are the constant names, case-sensitive. */
public enum IteratorType {
    AT_SEQUENCE_NUMBER,
    AFTER_SEQUENCE_NUMBER,
    TRIM_HORIZON,
    LATEST;

    /** Whether this iterator starts from the request's commitNum/opNum (and so requires commitNum). */
    public boolean usesPosition() {
        return this == AT_SEQUENCE_NUMBER || this == AFTER_SEQUENCE_NUMBER;
    }
}
