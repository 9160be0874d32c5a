package dev.nereid.server.client;

import dev.nereid.client.StreamClient;
import dev.nereid.client.StreamPath;
import dev.nereid.client.StreamSource;
import dev.nereid.server.TestServer;

/** The page contract over HTTP, gzipped bodies. */
class GzipHttpStreamSourceIT extends StreamSourceContract {
    @Override
    StreamSource source(TestServer server, StreamPath path) {
        return StreamClient.builder(server.uri(""), path).gzip(true).build();
    }
}
