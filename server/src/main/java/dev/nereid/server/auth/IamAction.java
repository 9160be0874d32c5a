package dev.nereid.server.auth;

/**
 * The Neptune data-access actions ({@code neptune-db:…}) the routes Nereid serves need, as Neptune's IAM
 * documentation maps them: queries by what they may do, the stream, the engine status and the fast reset.
 */
public enum IamAction {
    READ_DATA_VIA_QUERY("ReadDataViaQuery"),
    WRITE_DATA_VIA_QUERY("WriteDataViaQuery"),
    DELETE_DATA_VIA_QUERY("DeleteDataViaQuery"),
    GET_STREAM_RECORDS("GetStreamRecords"),
    GET_ENGINE_STATUS("GetEngineStatus"),
    RESET_DATABASE("ResetDatabase");

    /** The action of engines before 1.2.0.0, when one permission granted every data access; policies still carry it. */
    public static final String LEGACY_CONNECT = "neptune-db:connect";

    private final String iamName;

    IamAction(String name) {
        this.iamName = "neptune-db:" + name;
    }

    /** As a policy names it, e.g. {@code neptune-db:ReadDataViaQuery}. */
    public String iamName() {
        return iamName;
    }
}
