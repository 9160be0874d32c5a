package dev.nereid.server.auth;

/** The values of the {@code neptune-db:QueryLanguage} condition key, spelled as Neptune spells them. */
public enum QueryLanguage {
    GREMLIN("Gremlin"),
    OPEN_CYPHER("OpenCypher"),
    SPARQL("Sparql");

    private final String conditionValue;

    QueryLanguage(String conditionValue) {
        this.conditionValue = conditionValue;
    }

    public String conditionValue() {
        return conditionValue;
    }
}
