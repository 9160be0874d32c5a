package dev.nereid.bench.fuzz;

import dev.nereid.bench.ScratchDirectory;
import dev.nereid.bench.Watchdog;
import dev.nereid.log.Durability;
import dev.nereid.server.NereidServer;
import dev.nereid.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The fuzz test as a driver: a Nereid server in this process on a loopback port, fuzzed over every endpoint
 * (see {@link FuzzRun}); prints the totals and failures and writes them to {@code fuzz-summary.md}. Exits
 * with 1 if anything failed.
 *
 * <pre>
 * java -cp 'bench/target/bench-*.jar:bench/target/lib/*' dev.nereid.bench.fuzz.FuzzBench
 *      [--requests 10000] [--concurrent-requests 2000] [--threads 4] [--seed N] [--time-limit 1200]
 *      [--timeout-ms 10000] [--strict] [--auth] [--out bench/target/results]
 * </pre>
 */
public final class FuzzBench {
    /** Short enough that a hostile query costs the run little; long enough for every valid one. */
    static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);

    private FuzzBench() {
    }

    public static void main(String[] args) {
        FuzzOptions options = FuzzOptions.parse(args);
        Watchdog.runAndExit("FuzzBench", options.timeLimit().plusSeconds(60), () -> {
            FuzzReport report;
            try (ScratchDirectory directory = ScratchDirectory.create("nereid-fuzz-")) {
                Runtime.getRuntime().addShutdownHook(new Thread(directory::close, "bench-cleanup"));
                try (NereidServer server = start(directory.path(), options.auth())) {
                    report = FuzzRun.run(server, options, signer(server, options.auth()));
                }
            }
            String summary = report.summary();
            System.out.println(summary);
            Files.createDirectories(options.out());
            Path file = options.out().resolve("fuzz-summary.md");
            Files.writeString(file, summary);
            System.out.println("Written to " + file.toAbsolutePath());
            if (!report.passed()) {
                throw new IllegalStateException(report.tally().failureCount() + " failures; replay with --seed "
                        + options.seed());
            }
        });
    }

    /**
     * The server the fuzzer runs against: defaults but for the port, no fsync, a short query timeout, and with
     * {@code auth} SigV4 authentication with {@link SigV4Signing}'s principal.
     */
    public static NereidServer start(Path dataDir, boolean auth) throws Exception {
        ServerConfig config = ServerConfig.defaults(dataDir).withPort(0).withDurability(Durability.NONE)
                .withQueryTimeout(QUERY_TIMEOUT);
        if (auth) {
            config = config.withSecurity(config.security().withAuth(SigV4Signing.config()));
        }
        return NereidServer.start(config);
    }

    /** What signs the fuzzer's requests for {@code server}. */
    public static RequestSigner signer(NereidServer server, boolean auth) {
        return auth ? new SigV4Signing(server.host() + ":" + server.port()) : RequestSigner.NONE;
    }
}
