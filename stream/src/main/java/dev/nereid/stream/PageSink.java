package dev.nereid.stream;

import java.io.IOException;

/** Takes a page body in order, chunk by chunk. Each chunk's array is handed over: the writer never touches it again. */
@FunctionalInterface
public interface PageSink {
    void write(byte[] bytes, int offset, int length) throws IOException;
}
