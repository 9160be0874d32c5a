package dev.nereid.log;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * What a seek reads of one frame: the commit it holds and its length, never its records (layout
 * in {@link FrameWriter}). Only for frames already known to be valid and durable.
 */
record FrameHeader(CommitInfo commit, int frameLength) {

    static FrameHeader read(FileChannel channel, long position, ByteBuffer scratch) throws IOException {
        scratch.clear().limit(FrameWriter.FRAME_PREFIX_BYTES);
        long at = position;
        while (scratch.hasRemaining()) {
            int n = channel.read(scratch, at);
            if (n < 0) {
                throw new EOFException("frame header beyond the end of the segment at " + position);
            }
            at += n;
        }
        int bodyLength = scratch.getInt(0);
        CommitInfo commit = new CommitInfo(scratch.getLong(8), scratch.getLong(16), scratch.getInt(24));
        return new FrameHeader(commit, FrameWriter.FRAME_HEADER_BYTES + bodyLength);
    }
}
