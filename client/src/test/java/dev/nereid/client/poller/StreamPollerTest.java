package dev.nereid.client.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nereid.client.MemoryStream;
import dev.nereid.client.StreamPage;
import dev.nereid.client.StreamRecord;
import dev.nereid.client.StreamServiceException;
import dev.nereid.client.StreamSource;
import dev.nereid.client.checkpoint.InMemoryCheckpointStore;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.EventId;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The poller over an in-memory stream served by the server's own page assembly. */
class StreamPollerTest {
    static final RetryPolicy FAST_RETRY = new RetryPolicy(4, Backoff.exponential(Duration.ofMillis(1), Duration.ofMillis(4)));
    static final Backoff FAST_IDLE = Backoff.exponential(Duration.ofMillis(1), Duration.ofMillis(5));

    final MemoryStream stream = new MemoryStream();
    final InMemoryCheckpointStore store = new InMemoryCheckpointStore();
    final List<String> delivered = java.util.Collections.synchronizedList(new ArrayList<>());

    /** One line per transaction: commitNum, then its opNums, with * on the last. */
    void record(StreamTransaction t) {
        StringBuilder line = new StringBuilder().append(t.commitNum()).append(':');
        for (StreamRecord r : t.records()) {
            assertThat(r.commitNum()).isEqualTo(t.commitNum());
            line.append(' ').append(r.opNum()).append(r.isLastOp() ? "*" : "");
        }
        delivered.add(line.toString());
    }

    StreamPoller.Builder poller(StreamSource source) {
        return StreamPoller.builder(source, store, this::record).retry(FAST_RETRY).idleBackoff(FAST_IDLE)
                .lagProbeInterval(Duration.ZERO);
    }

    @Test
    void transactionsSplitAcrossPagesArriveWholeAndInOrder() {
        stream.commit(1);
        stream.commit(5);
        stream.commit(2);
        stream.commit(7);
        StreamPoller p = poller(stream.source()).pageSize(3).build();
        assertThat(p.drain()).isEqualTo(4);
        assertThat(delivered).containsExactly("1: 1*", "2: 1 2 3 4 5*", "3: 1 2*", "4: 1 2 3 4 5 6 7*");
        assertThat(store.load()).contains(new Checkpoint(new EventId(4, 7), 4000));
        // 15 records in pages of 3.
        assertThat(p.stats()).isEqualTo(new PollerStats(4, 15, 5, 0, new Lag(new EventId(4, 7), new EventId(4, 7), 0, 0)));
    }

    @Test
    void aRestartedPollerResumesAfterItsCheckpoint() {
        stream.commit(2);
        stream.commit(3);
        poller(stream.source()).pageSize(2).build().drain();
        stream.commit(1);
        stream.commit(4);
        delivered.clear();
        assertThat(poller(stream.source()).pageSize(2).build().drain()).isEqualTo(2);
        assertThat(delivered).containsExactly("3: 1*", "4: 1 2 3 4*");
    }

    @Test
    void latestStartsAfterTheNewestTransactionAndRemembersWhere() {
        stream.commit(2);
        stream.commit(3);
        StreamPoller p = poller(stream.source()).start(Position.latest()).build();
        assertThat(p.drain()).isZero();
        assertThat(delivered).isEmpty();
        assertThat(store.load()).contains(new Checkpoint(new EventId(2, 3), 2000));
        stream.commit(2);
        assertThat(poller(stream.source()).start(Position.latest()).build().drain()).isEqualTo(1);
        assertThat(delivered).containsExactly("3: 1 2*");
    }

    @Test
    void latestOnAnEmptyStreamDeliversEverythingWrittenAfterwards() throws Exception {
        StreamPoller p = poller(stream.source()).start(Position.latest()).build();
        Thread t = new Thread(p::run);
        t.start();
        Thread.sleep(30);
        stream.commit(2);
        stream.commit(1);
        waitFor(() -> delivered.size() == 2);
        p.stop();
        t.join(5000);
        assertThat(t.isAlive()).isFalse();
        assertThat(delivered).containsExactly("1: 1 2*", "2: 1*");
    }

    @Test
    void anExpiredCheckpointFailsByDefaultNamingTheCheckpointAndTheOldestEvent() {
        for (int i = 0; i < 6; i++) {
            stream.commit(2);
        }
        store.save(new Checkpoint(new EventId(2, 2), 2000));
        stream.trimThrough(4);
        assertThatThrownBy(() -> poller(stream.source()).build().drain())
                .isInstanceOf(ExpiredCheckpointException.class)
                .hasMessage("the stream expired past checkpoint 2:2: the oldest event still kept is 5:1, so 2 commits "
                        + "(3 to 4) expired unread")
                .satisfies(e -> assertThat(((ExpiredCheckpointException) e).lostCommits()).hasValue(2));
        assertThat(delivered).isEmpty();
        assertThat(store.load()).contains(new Checkpoint(new EventId(2, 2), 2000));
    }

    @Test
    void restartFromTrimHorizonSaysSoAndGoesOn() {
        for (int i = 0; i < 6; i++) {
            stream.commit(2);
        }
        store.save(new Checkpoint(new EventId(2, 2), 2000));
        stream.trimThrough(4);
        List<ExpiredCheckpointException> reported = new ArrayList<>();
        StreamPoller p = poller(stream.source()).onExpired(ExpiredCheckpointPolicy.RESTART_FROM_TRIM_HORIZON)
                .events(new PollerEvents() {
                    @Override
                    public void expired(ExpiredCheckpointException expired, boolean restarting) {
                        assertThat(restarting).isTrue();
                        reported.add(expired);
                    }
                }).build();
        assertThat(p.drain()).isEqualTo(2);
        assertThat(delivered).containsExactly("5: 1 2*", "6: 1 2*");
        assertThat(reported).singleElement().satisfies(e -> {
            assertThat(e.position()).isEqualTo(new EventId(2, 2));
            assertThat(e.oldest()).contains(new EventId(5, 1));
        });
    }

    @Test
    void theCheckpointAtTheLastTrimmedEventIsNotExpired() {
        stream.commit(1);
        stream.commit(1);
        stream.commit(1);
        store.save(new Checkpoint(new EventId(2, 1), 2000));
        stream.trimThrough(2);
        poller(stream.source()).build().drain();
        assertThat(delivered).containsExactly("3: 1*");
    }

    @Test
    void retryableFailuresAreRetriedAndTheRestFailAtOnce() {
        for (int i = 0; i < 3; i++) {
            stream.commit(2);
        }
        AtomicInteger calls = new AtomicInteger();
        StreamSource flaky = request -> {
            int n = calls.incrementAndGet();
            if (n == 1) {
                throw new StreamServiceException(ErrorCode.THROTTLING, 500, "ThrottlingException", "Rate exceeded", "r");
            }
            if (n == 2) {
                throw new ConnectException("Connection refused");
            }
            return stream.source().read(request);
        };
        StreamPoller p = poller(flaky).pageSize(2).build();
        assertThat(p.drain()).isEqualTo(3);
        assertThat(p.stats().retries()).isEqualTo(2);

        StreamSource denied = request -> {
            calls.incrementAndGet();
            throw new StreamServiceException(ErrorCode.ACCESS_DENIED, 403, "AccessDeniedException",
                    "Missing Authentication Token", "r");
        };
        calls.set(0);
        assertThatThrownBy(() -> StreamPoller.builder(denied, new InMemoryCheckpointStore(), this::record)
                .retry(FAST_RETRY).build().drain()).isInstanceOf(StreamServiceException.class)
                .hasMessage("Missing Authentication Token");
        assertThat(calls).hasValue(1);
    }

    @Test
    void retriesAreBounded() {
        AtomicInteger calls = new AtomicInteger();
        StreamSource down = request -> {
            calls.incrementAndGet();
            throw new IOException("Connection reset");
        };
        assertThatThrownBy(() -> poller(down).build().drain()).isInstanceOf(RetriesExhaustedException.class)
                .hasMessage("gave up reading TRIM_HORIZON after 4 attempts; last failure: IOException: Connection reset");
        assertThat(calls).hasValue(4);
    }

    @Test
    void aFailingHandlerStopsThePollerAndLeavesTheCheckpointBeforeIt() {
        stream.commit(1);
        stream.commit(1);
        stream.commit(1);
        StreamPoller p = StreamPoller.builder(stream.source(), store, t -> {
            if (t.commitNum() == 2) {
                throw new IllegalStateException("disk full");
            }
            record(t);
        }).build();
        assertThatThrownBy(p::drain).isInstanceOf(HandlerFailedException.class)
                .hasMessage("the handler failed on commit 2; the checkpoint stays at 1:1")
                .hasRootCauseMessage("disk full");
        assertThat(store.load()).contains(new Checkpoint(new EventId(1, 1), 1000));
    }

    @Test
    void everyPageCheckpointingSavesOncePerPageAfterItsLastWholeTransaction() {
        for (int i = 0; i < 5; i++) {
            stream.commit(2);
        }
        List<Checkpoint> saves = new ArrayList<>();
        CheckpointStore counting = new CheckpointStore() {
            @Override
            public java.util.Optional<Checkpoint> load() {
                return java.util.Optional.empty();
            }

            @Override
            public void save(Checkpoint checkpoint) {
                saves.add(checkpoint);
            }
        };
        StreamPoller.builder(stream.source(), counting, this::record).pageSize(3)
                .checkpointFrequency(CheckpointFrequency.EVERY_PAGE).build().drain();
        // Pages: 1:1-2:1 | 2:2-3:2 | 4:1-5:1 | 5:2 — the first delivers commit 1, the second 2 and 3, ...
        assertThat(saves).extracting(Checkpoint::toString).containsExactly("1:2", "3:2", "4:2", "5:2");
    }

    @Test
    void aMissingCommitStopsDeliveryBeforeTheGap() {
        stream.commit(1);
        stream.skipCommitNum();
        stream.commit(1);
        assertThatThrownBy(() -> poller(stream.source()).build().drain())
                .isInstanceOf(StreamContinuityException.class)
                .hasMessage("commit 3 follows commit 1: commits 2 to 2 are missing");
        assertThat(delivered).containsExactly("1: 1*");
    }

    @Test
    void aStartInsideACommitIsRefusedRatherThanDeliveringPartOfIt() {
        stream.commit(3);
        assertThatThrownBy(() -> poller(stream.source()).start(Position.at(new EventId(1, 2))).build().drain())
                .isInstanceOf(StreamContinuityException.class)
                .hasMessageStartingWith("the stream resumed inside commit 1 at opNum 2");
        assertThat(delivered).isEmpty();
    }

    @Test
    void stopEndsARunningPollerWhileItWaits() throws Exception {
        StreamPoller p = poller(stream.source()).idleBackoff(Backoff.exponential(Duration.ofSeconds(30), Duration.ofSeconds(30)))
                .build();
        Thread t = new Thread(p::run);
        t.start();
        Thread.sleep(50);
        long stopAt = System.nanoTime();
        p.stop();
        t.join(5000);
        assertThat(t.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - stopAt)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void lagCountsCommitsBehindTheNewestAndTimeSinceTheLastHandled() {
        for (int i = 0; i < 10; i++) {
            stream.commit(1);
        }
        List<Lag> lags = new ArrayList<>();
        StreamPoller p = StreamPoller.builder(stream.source(), store, this::record).pageSize(4)
                .lagProbeInterval(Duration.ofMillis(1))
                .clock(java.time.Clock.fixed(java.time.Instant.ofEpochMilli(20_000), java.time.ZoneOffset.UTC))
                .events(new PollerEvents() {
                    @Override
                    public void pageRead(StreamPage page, Lag lag) {
                        lags.add(lag);
                    }
                }).build();
        p.drain();
        assertThat(lags.get(0)).isEqualTo(new Lag(new EventId(4, 1), new EventId(10, 1), 6, 16_000));
        assertThat(p.lag()).isEqualTo(new Lag(new EventId(10, 1), new EventId(10, 1), 0, 0));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(5);
        }
    }

}
