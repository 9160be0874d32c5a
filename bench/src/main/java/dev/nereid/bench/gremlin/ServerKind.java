package dev.nereid.bench.gremlin;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The three servers the Gremlin write benchmark compares, in the order each round runs them. */
public enum ServerKind {
    /** (a) Nereid as shipped: streams on, every commit fsynced before it is acknowledged. */
    NEREID("(a)", "Nereid, streams on, fsync"),
    /** (b) The same with {@code neptune_streams} off: it still logs every change, it only stops serving the stream. */
    NEREID_STREAMS_OFF("(b)", "Nereid, streams off, fsync"),
    /** (c) The baseline: stock TinkerPop Gremlin Server over an in-memory TinkerGraph, nothing on disk. */
    STOCK("(c)", "Gremlin Server 3.7.5 + TinkerGraph"),
    /** (d) Diagnostic, not run by default: (a) without the fsync, to show what durability alone costs. */
    NEREID_NO_FSYNC("(d)", "Nereid, streams on, no fsync"),
    /** (e) Diagnostic, not run by default: (c) over TinkerTransactionGraph, the transactional engine Nereid wraps. */
    STOCK_TX("(e)", "Gremlin Server 3.7.5 + TinkerTransactionGraph");

    /** What a run compares unless told otherwise: the three servers the goals are set on. */
    static final Set<ServerKind> COMPARED = EnumSet.of(NEREID, NEREID_STREAMS_OFF, STOCK);

    private final String mark;
    private final String label;

    ServerKind(String mark, String label) {
        this.mark = mark;
        this.label = label;
    }

    /** The name used on the command line: {@code nereid}, {@code nereid-streams-off}, {@code stock}. */
    String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static ServerKind fromCliName(String name) {
        for (ServerKind kind : values()) {
            if (kind.cliName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown server " + name
                + " (nereid, nereid-streams-off, stock, nereid-no-fsync or stock-tx)");
    }

    boolean isNereid() {
        return this != STOCK && this != STOCK_TX;
    }

    String mark() {
        return mark;
    }

    String label() {
        return mark + " " + label;
    }
}
