package dev.nereid.server;

import dev.nereid.log.Durability;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a server is started with. Values are checked here, so a bad setting stops start-up
 * with a message that names it.
 *
 * @param host                     address to bind
 * @param port                     port to bind; 0 picks a free one
 * @param dataDir                  where the logs live
 * @param streamsEnabled           {@code neptune_streams}: whether the stream API answers
 * @param streamsExpiry            how long a commit stays readable ({@code neptune_streams_expiry_days}
 *                                 or the test-only {@code streams_expiry_seconds})
 * @param durability               when a commit is acknowledged
 * @param maxConcurrentStreamReads stream reads served at once; more get 429
 * @param clock                    time source for commit timestamps, expiry and reset tokens
 * @param snapshotInterval         how often the property graph and the RDF store are snapshotted when they
 *                                 changed (they are also snapshotted at shutdown)
 * @param queryTimeout             how long one query may run ({@code neptune_query_timeout}); past it the
 *                                 query stops with TimeLimitExceededException and writes nothing
 * @param sparqlLoadDirectory      the only directory SPARQL {@code LOAD} reads from; null refuses LOAD
 * @param security                 authentication, TLS and the request limits
 */
public record ServerConfig(String host, int port, Path dataDir, boolean streamsEnabled, Duration streamsExpiry,
                           Durability durability, int maxConcurrentStreamReads, Clock clock,
                           Duration snapshotInterval, Duration queryTimeout, Path sparqlLoadDirectory,
                           ServerSecurity security) {

    public static final int DEFAULT_PORT = 8182;
    public static final int DEFAULT_EXPIRY_DAYS = 7;
    public static final int DEFAULT_SNAPSHOT_MINUTES = 10;
    /** Neptune's default {@code neptune_query_timeout}. */
    public static final long DEFAULT_QUERY_TIMEOUT_MILLIS = 120_000;

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(streamsExpiry, "streamsExpiry");
        Objects.requireNonNull(durability, "durability");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, was " + port);
        }
        if (streamsExpiry.isNegative() || streamsExpiry.isZero()) {
            throw new IllegalArgumentException("stream expiry must be positive, was " + streamsExpiry);
        }
        Objects.requireNonNull(snapshotInterval, "snapshotInterval");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(queryTimeout, "queryTimeout");
        if (queryTimeout.isNegative() || queryTimeout.isZero()) {
            throw new IllegalArgumentException("query timeout must be positive, was " + queryTimeout);
        }
        if (snapshotInterval.isNegative() || snapshotInterval.isZero()) {
            throw new IllegalArgumentException("snapshot interval must be positive, was " + snapshotInterval);
        }
        if (sparqlLoadDirectory != null && !java.nio.file.Files.isDirectory(sparqlLoadDirectory)) {
            throw new IllegalArgumentException("SPARQL load directory " + sparqlLoadDirectory + " is not a directory");
        }
        if (maxConcurrentStreamReads < 1) {
            throw new IllegalArgumentException("maxConcurrentStreamReads must be at least 1, was "
                    + maxConcurrentStreamReads);
        }
    }

    /** Defaults of {@code ./nereid serve}, with the data in {@code dataDir}. */
    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig("127.0.0.1", DEFAULT_PORT, dataDir, true, Duration.ofDays(DEFAULT_EXPIRY_DAYS),
                Durability.FSYNC, 32, Clock.systemUTC(), Duration.ofMinutes(DEFAULT_SNAPSHOT_MINUTES),
                Duration.ofMillis(DEFAULT_QUERY_TIMEOUT_MILLIS), null, ServerSecurity.open());
    }

    /** Neptune's {@code neptune_streams_expiry_days} range. */
    public static Duration expiryDays(int days) {
        if (days < 1 || days > 90) {
            throw new IllegalArgumentException("streams expiry days must be from 1 to 90, was " + days);
        }
        return Duration.ofDays(days);
    }

    /** The test-only {@code streams_expiry_seconds}, which overrides the days when set. */
    public static Duration expirySeconds(long seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException("streams expiry seconds must be at least 1, was " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, port, dataDir, streamsEnabled, streamsExpiry, durability, maxConcurrentStreamReads,
                clock, snapshotInterval, queryTimeout, sparqlLoadDirectory, security);
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, dataDir, streamsEnabled, streamsExpiry, durability,
                maxConcurrentStreamReads,
                clock, snapshotInterval, queryTimeout, sparqlLoadDirectory, security);
    }

    public ServerConfig withStreamsEnabled(boolean on) {
        return new ServerConfig(host, port, dataDir, on, streamsExpiry, durability, maxConcurrentStreamReads,
                clock, snapshotInterval, queryTimeout, sparqlLoadDirectory, security);
    }

    public ServerConfig withStreamsExpiry(Duration expiry) {
        return new ServerConfig(host, port, dataDir, streamsEnabled, expiry, durability, maxConcurrentStreamReads,
                clock, snapshotInterval, queryTimeout, sparqlLoadDirectory, security);
    }

    public ServerConfig withDurability(Durability d) {
        return new ServerConfig(host, port, dataDir, streamsEnabled, streamsExpiry, d, maxConcurrentStreamReads,
                clock, snapshotInterval, queryTimeout, sparqlLoadDirectory, security);
    }

    public ServerConfig withClock(Clock c) {
        return new ServerConfig(host, port, dataDir, streamsEnabled, streamsExpiry, durability,
                maxConcurrentStreamReads, c, snapshotInterval, queryTimeout, sparqlLoadDirectory, security);
    }

    public ServerConfig withSnapshotInterval(Duration interval) {
        return new ServerConfig(host, port, dataDir, streamsEnabled, streamsExpiry, durability,
                maxConcurrentStreamReads, clock, interval, queryTimeout, sparqlLoadDirectory, security);
    }

    public ServerConfig withQueryTimeout(Duration timeout) {
        return new ServerConfig(host, port, dataDir, streamsEnabled, streamsExpiry, durability,
                maxConcurrentStreamReads, clock, snapshotInterval, timeout, sparqlLoadDirectory, security);
    }

    public ServerConfig withSparqlLoadDirectory(Path dir) {
        return new ServerConfig(host, port, dataDir, streamsEnabled, streamsExpiry, durability,
                maxConcurrentStreamReads, clock, snapshotInterval, queryTimeout, dir, security);
    }

    public ServerConfig withSecurity(ServerSecurity s) {
        return new ServerConfig(host, port, dataDir, streamsEnabled, streamsExpiry, durability,
                maxConcurrentStreamReads, clock, snapshotInterval, queryTimeout, sparqlLoadDirectory, s);
    }
}
