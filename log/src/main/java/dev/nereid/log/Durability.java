package dev.nereid.log;

/** When an append counts as durable. */
public enum Durability {
    /** After the bytes are forced to the storage device (fsync), shared by concurrent committers. */
    FSYNC,
    /** As soon as the bytes are handed to the operating system. For tests and throw-away data only. */
    NONE
}
