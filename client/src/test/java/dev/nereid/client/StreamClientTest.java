package dev.nereid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nereid.stream.IteratorType;
import dev.nereid.stream.StreamRequest;
import java.net.URI;
import org.junit.jupiter.api.Test;

class StreamClientTest {

    @Test
    void requestsCarryOnlyTheParametersTheirIteratorUses() {
        StreamClient client = StreamClient.of(URI.create("http://127.0.0.1:8182/"), StreamPath.PROPERTYGRAPH);
        assertThat(client.uri(new StreamRequest(IteratorType.TRIM_HORIZON, -1, 1, 100)).toString())
                .isEqualTo("http://127.0.0.1:8182/propertygraph/stream?iteratorType=TRIM_HORIZON&limit=100");
        assertThat(client.uri(new StreamRequest(IteratorType.LATEST, -1, 1, 100)).toString())
                .isEqualTo("http://127.0.0.1:8182/propertygraph/stream?iteratorType=LATEST");
        assertThat(client.uri(new StreamRequest(IteratorType.AFTER_SEQUENCE_NUMBER, 6, 6, 10)).toString())
                .isEqualTo("http://127.0.0.1:8182/propertygraph/stream?iteratorType=AFTER_SEQUENCE_NUMBER"
                        + "&commitNum=6&opNum=6&limit=10");
        assertThat(StreamClient.of(URI.create("https://h.example:8182"), StreamPath.of("SPARQL"))
                .uri(new StreamRequest(IteratorType.AT_SEQUENCE_NUMBER, 1, 0, 1)).toString())
                .isEqualTo("https://h.example:8182/sparql/stream?iteratorType=AT_SEQUENCE_NUMBER&commitNum=1&opNum=0&limit=1");
    }

    @Test
    void endpointsAndStreamNamesAreChecked() {
        assertThatThrownBy(() -> StreamClient.of(URI.create("localhost:8182"), StreamPath.PG))
                .hasMessage("endpoint must be an absolute http(s) URL: localhost:8182");
        assertThatThrownBy(() -> StreamPath.of("opencypher"))
                .hasMessage("unknown stream 'opencypher': expected propertygraph, pg, gremlin or sparql");
    }
}
