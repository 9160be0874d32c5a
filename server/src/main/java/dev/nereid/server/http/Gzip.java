package dev.nereid.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Compresses a response body. Level 1: stream pages are repetitive JSON that compresses ~10× even
 * at the fastest level, and the default level would make compression, not the network, the
 * bottleneck of a 10 MB page.
 */
public final class Gzip {
    private Gzip() {
    }

    public static ByteBuf compress(byte[] bytes, int offset, int length) {
        ByteBuf out = Unpooled.buffer(Math.max(64, length / 8));
        try (GZIPOutputStream gz = new FastGzipOutputStream(new ByteBufOutputStream(out))) {
            gz.write(bytes, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(ByteBufOutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
