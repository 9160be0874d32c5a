package dev.nereid.graph.capture;

import dev.nereid.stream.Op;
import dev.nereid.stream.PgData;

/** One record of a property-graph commit: insert or delete one statement. */
public record PgChange(Op op, PgData data) {
    public static PgChange add(PgData data) {
        return new PgChange(Op.ADD, data);
    }

    public static PgChange remove(PgData data) {
        return new PgChange(Op.REMOVE, data);
    }
}
