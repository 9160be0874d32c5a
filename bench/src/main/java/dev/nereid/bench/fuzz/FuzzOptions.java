package dev.nereid.bench.fuzz;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a fuzz run goes.
 *
 * @param seed               the generator's seed; the sequential phase replays exactly from it
 * @param requests           cases sent one at a time, each checked against the logs
 * @param concurrentRequests cases sent by {@code threads} threads at once afterwards
 * @param timeLimit          the run stops starting cases past this, and says so
 * @param timeoutMillis      how long a client waits for an answer before calling it none
 * @param strict             count the {@link KnownIssue}s as failures
 * @param auth               run the server with {@code --auth sigv4} and sign every request (see {@link SigV4Signing})
 * @param out                where the driver writes its summary
 */
public record FuzzOptions(long seed, int requests, int concurrentRequests, int threads, Duration timeLimit,
                          int timeoutMillis, boolean strict, boolean auth, Path out) {

    public static FuzzOptions parse(String[] args) {
        long seed = System.nanoTime();
        int requests = 10_000;
        int concurrent = 2_000;
        int threads = 4;
        Duration limit = Duration.ofMinutes(20);
        int timeout = 10_000;
        boolean strict = false;
        boolean auth = false;
        Path out = Path.of("bench", "target", "results");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--concurrent-requests" -> concurrent = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--time-limit" -> limit = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--timeout-ms" -> timeout = Integer.parseInt(args[++i]);
                case "--strict" -> strict = true;
                case "--auth" -> auth = true;
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        return new FuzzOptions(seed, requests, concurrent, threads, limit, timeout, strict, auth, out);
    }
}
