package dev.nereid.server.http;

import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;

/**
 * A response whose head goes out first and whose body is written in chunks after it, so a large
 * body is on the wire while the rest of it is still being produced. Its length is known up front.
 * Everything that can fail with an error response must have failed before the route returns this:
 * once the head is sent, a failing body can only close the connection.
 */
public final class StreamedResponse extends DefaultHttpResponse {
    private final Body body;

    /** Writes the body; {@link #close()} is called exactly once, whether or not writing happened. */
    public interface Body extends AutoCloseable {
        void writeTo(ChunkSink sink) throws IOException;

        @Override
        void close();
    }

    /** Takes the body in order; each chunk's array is handed over. */
    @FunctionalInterface
    public interface ChunkSink {
        void write(byte[] bytes, int offset, int length) throws IOException;
    }

    public StreamedResponse(HttpResponseStatus status, String contentType, long contentLength, Body body) {
        super(HttpVersion.HTTP_1_1, status);
        this.body = body;
        headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .set(HttpHeaderNames.CONTENT_LENGTH, contentLength);
    }

    public Body body() {
        return body;
    }
}
