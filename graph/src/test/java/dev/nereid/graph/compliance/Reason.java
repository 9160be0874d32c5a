package dev.nereid.graph.compliance;

/**
 * Why a TinkerPop test is skipped for Nereid. Most are deliberate Neptune differences (spec §5.1,
 * Neptune's "Gremlin standards compliance" page); the rest are named for what they are: a test of
 * TinkerGraph's own services, a Nereid design decision, this build's environment, or a reported bug.
 * docs/gremlin-compliance.md lists every skipped test by reason.
 */
enum Reason {
    // Neptune differences
    GRAPH_COMPUTER("no graph computer (OLAP): Neptune runs OLTP traversals only"),
    META_PROPERTIES("no meta-properties: a vertex property value carries no properties of its own"),
    VERTEX_PROPERTY_IDS("vertex property values have no user-supplied ids"),
    NULL_VALUES("null is not a property value: Neptune refuses it instead of removing the property"),
    LIST_CARDINALITY("no list cardinality: a vertex property key holds a set of values"),
    SET_CARDINALITY("the default cardinality is set, not single: property(k, v) adds v to k's values"),
    LAMBDAS("no lambdas: scripts are parsed by the gremlin-lang grammar and lambda steps are refused"),
    IO("no io() on server files: Nereid declares no IO features, Neptune's io() only reads from a URL"),
    STRING_IDS("ids are strings: a numeric or UUID id given by the user is stored in its string form"),
    NEPTUNE_ERRORS("errors carry Neptune's codes (NereidException: ConstraintViolationException, "
            + "UnsupportedOperationException), not TinkerPop's IllegalArgumentException"),

    // TinkerGraph's test fixtures
    PROVIDER_SERVICES("no call() services: the scenario calls the test services TinkerGraph's own World registers"),

    // Nereid design decisions
    COMMIT_TIME_CHECKS("unstorable values are refused when the transaction commits, before anything is written, "
            + "not by the structure-API call itself"),
    OPENED_OVER_LOG("the graph is opened over its change log, not from a Configuration"),

    // this build
    JAVA17_GRYO("environment: Gryo's Kryo serializers need --add-opens java.base/java.util.concurrent.atomic on "
            + "Java 17, which this build does not pass; the GraphSON variants of the same tests run"),

    // to be fixed
    NEREID_BUG("a Nereid bug, reported and to be fixed: the exclusion goes when the fix lands");

    private final String description;

    Reason(String description) {
        this.description = description;
    }

    /** The message of the assumption failure that skips a test; ComplianceSummary reads the reason back from it. */
    String skipMessage(String detail) {
        return "Excluded [" + name() + "] " + description + (detail == null ? "" : " — " + detail);
    }
}
