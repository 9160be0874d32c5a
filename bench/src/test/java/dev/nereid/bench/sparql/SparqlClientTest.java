package dev.nereid.bench.sparql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Only an answer that says the update was written counts: everything else must be a failure, never a rate. */
class SparqlClientTest {

    @Test
    void nereidAcknowledgesWithItsCommitNum() throws Exception {
        assertThat(SparqlClient.acknowledgement(SparqlServer.NEREID, 200, "{\"commitNum\":42}")).isEqualTo(42);
        assertThat(SparqlClient.acknowledgement(SparqlServer.NEREID_STREAMS_OFF, 200, "{\"commitNum\":7}\n"))
                .isEqualTo(7);
    }

    @Test
    void aNereidUpdateThatChangedNothingOrFailedIsRefused() {
        assertThatThrownBy(() -> SparqlClient.acknowledgement(SparqlServer.NEREID, 200, "{}"))
                .isInstanceOf(SparqlClient.Refused.class).hasMessageContaining("200: {}");
        assertThatThrownBy(() -> SparqlClient.acknowledgement(SparqlServer.NEREID, 400,
                "{\"requestId\":\"r\",\"code\":\"MalformedQueryException\",\"detailedMessage\":\"x\"}"))
                .isInstanceOf(SparqlClient.Refused.class).hasMessageContaining("MalformedQueryException");
        assertThatThrownBy(() -> SparqlClient.acknowledgement(SparqlServer.NEREID, 500, "{\"commitNum\":3}"))
                .isInstanceOf(SparqlClient.Refused.class);
    }

    @Test
    void fusekiAcknowledgesWithNoContent() throws Exception {
        assertThat(SparqlClient.acknowledgement(SparqlServer.FUSEKI, 204, "")).isZero();
        assertThatThrownBy(() -> SparqlClient.acknowledgement(SparqlServer.FUSEKI, 400, "Lexical error"))
                .isInstanceOf(SparqlClient.Refused.class).hasMessageContaining("400");
    }
}
