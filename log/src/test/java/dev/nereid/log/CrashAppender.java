package dev.nereid.log;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The child process of {@link LogCrashIT}: appends from {@value #THREADS} threads to a log with
 * forced durability until it is killed, printing {@code ACK <commitNum> <cycle> <thread> <seq>}
 * once each append has returned. Every record says which commit it belongs to, so the parent can
 * check each commit is whole and exactly as written.
 *
 * <p>Usage: {@code CrashAppender <dir> <cycle>}.
 */
public final class CrashAppender {

    static final int THREADS = 4;
    static final long SEGMENT_BYTES = 64 * 1024;
    private static final int HEADER_BYTES = 20;

    private CrashAppender() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int cycle = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.US_ASCII);
        FileChangeLog log = FileChangeLog.open(dir, new LogConfig(SEGMENT_BYTES, Durability.FSYNC, Clock.systemUTC()));
        report(out, "READY " + log.lastCommit().map(CommitInfo::commitNum).orElse(0L));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread appender = new Thread(() -> {
                try {
                    for (int seq = 0; ; seq++) {
                        CommitInfo commit = log.append(records(cycle, thread, seq));
                        report(out, "ACK " + commit.commitNum() + " " + cycle + " " + thread + " " + seq);
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                    report(out, "FAILED " + e);
                }
            });
            appender.start();
            threads.add(appender);
        }
        for (Thread appender : threads) {
            appender.join();
        }
    }

    private static void report(PrintStream out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    static int recordCount(int thread, int seq) {
        return 1 + (seq * 7 + thread) % 4;
    }

    /**
     * The records of one commit: each starts with int32 cycle, thread, seq, recordIndex,
     * recordCount, then padding of a length and content derived from those five numbers.
     */
    static List<byte[]> records(int cycle, int thread, int seq) {
        int count = recordCount(thread, seq);
        List<byte[]> records = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            records.add(record(cycle, thread, seq, index, count));
        }
        return records;
    }

    static byte[] record(int cycle, int thread, int seq, int index, int count) {
        Random padding = new Random(((long) cycle << 40) ^ ((long) thread << 32) ^ ((long) seq << 8) ^ index);
        byte[] record = new byte[HEADER_BYTES + padding.nextInt(300)];
        ByteBuffer.wrap(record).putInt(cycle).putInt(thread).putInt(seq).putInt(index).putInt(count);
        byte[] fill = new byte[record.length - HEADER_BYTES];
        padding.nextBytes(fill);
        System.arraycopy(fill, 0, record, HEADER_BYTES, fill.length);
        return record;
    }

    /** What a record says of itself: cycle, thread, seq, recordIndex, recordCount; null if malformed. */
    static int[] decode(byte[] record) {
        if (record.length < HEADER_BYTES) {
            return null;
        }
        ByteBuffer header = ByteBuffer.wrap(record);
        int[] fields = {header.getInt(), header.getInt(), header.getInt(), header.getInt(), header.getInt()};
        return Arrays.equals(record, record(fields[0], fields[1], fields[2], fields[3], fields[4])) ? fields : null;
    }
}
