package dev.nereid.graph.gremlin;

/**
 * What a graph query may do to the data besides reading it, decided before it runs: Neptune's IAM data
 * actions, where every query needs ReadDataViaQuery and these add WriteDataViaQuery and
 * DeleteDataViaQuery. "May", as on Neptune: a query that could write needs the write action whether or
 * not it writes anything on the data at hand. Reading is implied, so it has no flag.
 */
public record QueryEffects(boolean writes, boolean deletes) {

    public static final QueryEffects READ_ONLY = new QueryEffects(false, false);
    public static final QueryEffects WRITES = new QueryEffects(true, false);
    public static final QueryEffects DELETES = new QueryEffects(false, true);
    public static final QueryEffects WRITES_AND_DELETES = new QueryEffects(true, true);

    /** What this and {@code other} together may do. */
    public QueryEffects and(QueryEffects other) {
        return new QueryEffects(writes || other.writes, deletes || other.deletes);
    }
}
