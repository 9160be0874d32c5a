package dev.nereid.server.client;

import dev.nereid.client.StreamPath;
import dev.nereid.client.StreamSource;
import dev.nereid.client.ViewStreamSource;
import dev.nereid.log.ChangeLog;
import dev.nereid.server.TestServer;
import dev.nereid.server.stream.LogStreamView;
import dev.nereid.stream.StreamFormat;

/** The page contract in-process: the server's logs read through {@link LogStreamView}, without HTTP. */
class InProcessStreamSourceIT extends StreamSourceContract {
    @Override
    StreamSource source(TestServer server, StreamPath path) {
        ChangeLog log = path == StreamPath.SPARQL ? server.sparql() : server.pg();
        StreamFormat format = switch (path) {
            case SPARQL -> StreamFormat.NQUADS;
            case GREMLIN -> StreamFormat.GREMLIN_JSON;
            default -> StreamFormat.PG_JSON;
        };
        return new ViewStreamSource(() -> new LogStreamView(log, EXPIRY, server.clock.millis()), format);
    }
}
