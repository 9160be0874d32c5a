package dev.nereid.bench.http;

import java.io.IOException;

/**
 * A keep-alive HTTP/1.1 client that GETs whole bodies. Two implementations, so a figure can show
 * whether the server or the client is the limit.
 */
interface PageClient extends AutoCloseable {

    /** Short name for tables. */
    String name();

    /**
     * @param target path and query, e.g. {@code /propertygraph/stream?iteratorType=TRIM_HORIZON}
     * @param gzip   whether to send {@code Accept-Encoding: gzip}
     */
    HttpPage get(String target, boolean gzip) throws IOException, InterruptedException;

    @Override
    void close() throws IOException;
}
