package dev.nereid.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nereid.client.StreamClient;
import dev.nereid.client.StreamPath;
import dev.nereid.client.StreamRecord;
import dev.nereid.client.StreamServiceException;
import dev.nereid.client.checkpoint.FileCheckpointStore;
import dev.nereid.client.checkpoint.InMemoryCheckpointStore;
import dev.nereid.client.poller.Backoff;
import dev.nereid.client.poller.Checkpoint;
import dev.nereid.client.poller.PollerStats;
import dev.nereid.client.poller.RetriesExhaustedException;
import dev.nereid.client.poller.RetryPolicy;
import dev.nereid.client.poller.StreamPoller;
import dev.nereid.client.poller.StreamTransaction;
import dev.nereid.server.TestServer;
import dev.nereid.server.client.FaultProxy.Fault;
import dev.nereid.stream.ErrorCode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The poller against a real server behind {@link FaultProxy}: throttling, resets before and inside a
 * response, slow responses and responses slower than the client's timeout. Nothing is lost, nothing is
 * delivered twice, no transaction arrives in part; retries are bounded and back off.
 */
class PollerFaultsIT {
    static final int COMMITS = 150;

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir.resolve("data"));
        StreamLoad.append(server.pg(), COMMITS, new Random(7));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static StreamClient client(FaultProxy proxy, Duration timeout) {
        return StreamClient.builder(URI.create(proxy.endpoint()), StreamPath.PROPERTYGRAPH).requestTimeout(timeout).build();
    }

    /**
     * Four faults in ten requests, never more than three in a row (the poller allows six attempts); two
     * responses held past the client's one-second timeout.
     */
    static Fault mixed(Random random, int[] inARow, int request) {
        if (request == 5 || request == 40) {
            inARow[0]++;
            return new Fault.Delay(1500);
        }
        if (inARow[0] >= 3 || random.nextInt(10) >= 4) {
            inARow[0] = 0;
            return random.nextInt(4) == 0 ? new Fault.Delay(20 + random.nextInt(100)) : FaultProxy.PASS;
        }
        inARow[0]++;
        return switch (random.nextInt(4)) {
            case 0 -> new Fault.Throttle();
            case 1 -> new Fault.TooManyRequests();
            case 2 -> new Fault.ResetBeforeResponse();
            default -> new Fault.ResetMidBody();
        };
    }

    @Test
    void underMixedFaultsEveryTransactionArrivesOnceWholeAndInOrder() throws Exception {
        Random random = new Random(20260101);
        int[] inARow = {0};
        try (FaultProxy proxy = new FaultProxy(server.server.port(), n -> mixed(random, inARow, n))) {
            List<StreamTransaction> delivered = new ArrayList<>();
            FileCheckpointStore store = FileCheckpointStore.of(dir.resolve("mixed.checkpoint"));
            StreamPoller poller = StreamPoller.builder(client(proxy, Duration.ofSeconds(1)), store, delivered::add)
                    .pageSize(9).lagProbeInterval(Duration.ZERO)
                    .retry(new RetryPolicy(6, Backoff.exponential(Duration.ofMillis(5), Duration.ofMillis(80))))
                    .build();
            assertThat(poller.drain()).isEqualTo(COMMITS);

            assertWholeAndOnce(delivered, 1);
            assertThat(store.load().map(Checkpoint::commitNum)).contains((long) COMMITS);
            Map<String, Integer> injected = proxy.injected();
            assertThat(injected).containsKeys("Throttle", "TooManyRequests", "ResetBeforeResponse", "ResetMidBody", "Delay");
            int failures = injected.get("Throttle") + injected.get("TooManyRequests") + injected.get("ResetBeforeResponse")
                    + injected.get("ResetMidBody") + 2;
            PollerStats stats = poller.stats();
            // java.net.http may resend a GET itself once when a reused connection is reset before the answer.
            assertThat(stats.retries()).isBetween(injected.get("Throttle") + injected.get("TooManyRequests") + 2L,
                    (long) failures);
            System.out.printf("PollerFaultsIT: %d requests, faults %s, %d retries by the poller%n", proxy.requests(),
                    injected, stats.retries());
        }
    }

    @Test
    void retriesAreBoundedAndEachWaitIsLongerThanTheLast() throws Exception {
        try (FaultProxy proxy = new FaultProxy(server.server.port(), n -> new Fault.Throttle())) {
            Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofMillis(400), 2, 0.2);
            StreamPoller poller = StreamPoller.builder(client(proxy, Duration.ofSeconds(5)), new InMemoryCheckpointStore(),
                    t -> {
                    }).retry(new RetryPolicy(5, backoff)).build();
            assertThatThrownBy(poller::drain).isInstanceOfSatisfying(RetriesExhaustedException.class, e -> {
                assertThat(e.attempts()).isEqualTo(5);
                assertThat(e.getMessage()).startsWith("gave up reading TRIM_HORIZON after 5 attempts; last failure: "
                        + "500 ThrottlingException: Rate exceeded (requestId ");
                assertThat(((StreamServiceException) e.getCause()).errorCode()).isEqualTo(ErrorCode.THROTTLING);
            });
            assertThat(proxy.requests()).isEqualTo(5);
            List<Long> at = proxy.arrivalNanos();
            for (int i = 1; i < at.size(); i++) {
                long gapMillis = (at.get(i) - at.get(i - 1)) / 1_000_000;
                long nominal = backoff.nominal(i).toMillis();
                assertThat(gapMillis).as("wait before attempt %d", i + 1).isBetween((long) (nominal * 0.8), nominal * 2 + 300);
            }
        }
    }

    @Test
    void aFailureThatIsNotRetryableStopsThePollerAtOnce() throws Exception {
        try (FaultProxy proxy = new FaultProxy(server.server.port(),
                n -> new Fault.Answer(403, "AccessDeniedException", "Missing Authentication Token"))) {
            StreamPoller poller = StreamPoller.builder(client(proxy, Duration.ofSeconds(5)), new InMemoryCheckpointStore(),
                    t -> {
                    }).build();
            assertThatThrownBy(poller::drain).isInstanceOfSatisfying(StreamServiceException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(ErrorCode.ACCESS_DENIED);
                assertThat(e.detailedMessage()).isEqualTo("Missing Authentication Token");
            });
            assertThat(proxy.requests()).isEqualTo(1);
        }
    }

    /** Commits {@code first} to COMMITS, each once, in order, each with all its records. */
    static void assertWholeAndOnce(List<StreamTransaction> delivered, long first) {
        assertThat(delivered).extracting(StreamTransaction::commitNum)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(first, COMMITS).boxed().toList());
        Map<Long, Integer> sizes = new TreeMap<>();
        for (StreamTransaction t : delivered) {
            assertThat(t.records()).extracting(StreamRecord::opNum)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, t.records().size()).boxed().toList());
            assertThat(t.records().get(t.records().size() - 1).isLastOp()).isTrue();
            sizes.put(t.commitNum(), t.records().size());
        }
        for (Map.Entry<Long, Integer> e : sizes.entrySet()) {
            assertThat(e.getValue()).as("records of commit %d", e.getKey()).isEqualTo(StreamLoad.size(server.pg(), e.getKey()));
        }
    }
}
