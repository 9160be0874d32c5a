package dev.nereid.client.poller;

import dev.nereid.client.StreamPage;
import dev.nereid.client.StreamRecord;
import dev.nereid.client.StreamSource;
import dev.nereid.stream.EventId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Delivers a stream to a {@link TransactionHandler} one whole transaction at a time, in commit order,
 * and checkpoints after each (at least once; exactly once when the handler stores the checkpoint with
 * its own writes).
 *
 * <p>On start it resumes {@code AFTER_SEQUENCE_NUMBER} from the saved checkpoint, or reads from the
 * configured start when there is none. A transaction split across pages is held until its
 * {@code isLastOp} arrives, so the handler never sees part of one; commitNums must follow each other
 * with no gap. Caught up, it polls again after a bounded exponential backoff. Failed reads are retried
 * by {@link RetryPolicy}; an expired checkpoint fails or restarts from {@code TRIM_HORIZON} by
 * {@link ExpiredCheckpointPolicy}.
 *
 * <p>{@link #run()} and {@link #drain()} run on the caller's thread, once per poller; {@link #stop()}
 * and {@link #stats()} may be called from any thread.
 */
public final class StreamPoller {
    public static final int DEFAULT_PAGE_SIZE = 10_000;
    public static final Backoff DEFAULT_IDLE_BACKOFF = Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(5));
    public static final Duration DEFAULT_LAG_PROBE_INTERVAL = Duration.ofSeconds(10);

    private final StreamSource source;
    private final CheckpointStore store;
    private final TransactionHandler handler;
    private final Position start;
    private final int pageSize;
    private final RetryPolicy retry;
    private final Backoff idleBackoff;
    private final ExpiredCheckpointPolicy onExpired;
    private final CheckpointFrequency frequency;
    private final PollerEvents events;
    private final Clock clock;
    private final Duration lagProbeInterval;
    private final RandomGenerator random = new SplittableRandom();
    private final Pause pause = new Pause();

    private final List<StreamRecord> pending = new ArrayList<>();
    private boolean started;
    /** The commitNum the next transaction must have, less one; -1 when nothing says (a fresh start or a restart). */
    private long lastCommit = -1;
    private Checkpoint handled;
    private Checkpoint unsaved;
    private EventId newest;
    private long lastProbeNanos;

    private volatile long transactions;
    private volatile long records;
    private volatile long pages;
    private volatile long retries;
    private volatile Lag lag = Lag.UNKNOWN;

    private StreamPoller(Builder b) {
        this.source = b.source;
        this.store = b.store;
        this.handler = b.handler;
        this.start = b.start;
        this.pageSize = b.pageSize;
        this.retry = b.retry;
        this.idleBackoff = b.idleBackoff;
        this.onExpired = b.onExpired;
        this.frequency = b.frequency;
        this.events = b.events;
        this.clock = b.clock;
        this.lagProbeInterval = b.lagProbeInterval;
    }

    public static Builder builder(StreamSource source, CheckpointStore store, TransactionHandler handler) {
        return new Builder(source, store, handler);
    }

    /** Polls until {@link #stop()}; returns once the transaction being handled, if any, is done. */
    public void run() {
        loop(false);
    }

    /**
     * Polls until the stream has nothing more (the first "caught up"), then returns.
     *
     * @return the transactions handled
     */
    public long drain() {
        long before = transactions;
        loop(true);
        return transactions - before;
    }

    /** Asks {@link #run()} to return: at once if it is waiting, else after the transaction it is handling. */
    public void stop() {
        pause.stop();
    }

    public PollerStats stats() {
        return new PollerStats(transactions, records, pages, retries, lag);
    }

    public Lag lag() {
        return lag;
    }

    private void loop(boolean untilCaughtUp) {
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("a poller runs once; build another");
            }
            started = true;
        }
        Optional<Checkpoint> checkpoint = load();
        Position from = start;
        if (checkpoint.isPresent()) {
            handled = checkpoint.get();
            lastCommit = handled.commitNum();
            from = Position.after(handled.eventId());
        }
        // LATEST names the newest event, which is already history: delivery starts after it.
        boolean skipLatest = from.iteratorType() == dev.nereid.stream.IteratorType.LATEST;
        PageFollower follower = new PageFollower(source, from, pageSize, retry, onExpired, new Counting(events),
                pause, random);
        int idlePolls = 0;
        try {
            while (true) {
                Poll poll = follower.next();
                if (poll instanceof Poll.Stopped) {
                    return;
                } else if (poll instanceof Poll.Restarted) {
                    pending.clear();
                    lastCommit = -1;
                    idlePolls = 0;
                } else if (poll instanceof Poll.CaughtUp caughtUp) {
                    skipLatest = false;
                    saveUnsaved();
                    newest = caughtUp.newest().orElse(handled == null ? null : handled.eventId());
                    lag = new Lag(handled == null ? null : handled.eventId(), newest, 0, 0);
                    events.caughtUp(lag);
                    if (untilCaughtUp && pending.isEmpty()) {
                        return;
                    }
                    idlePolls++;
                    if (!pause.sleep(idleBackoff.delay(idlePolls, random))) {
                        return;
                    }
                } else if (poll instanceof Poll.Page p) {
                    idlePolls = 0;
                    pages++;
                    StreamPage page = p.page();
                    if (skipLatest) {
                        // Saved, so that a restart goes on from here rather than from a later LATEST.
                        skipLatest = false;
                        lastCommit = page.lastEventId().commitNum();
                        handled = new Checkpoint(page.lastEventId(), page.lastTrxTimestamp());
                        save(handled);
                    } else if (!deliverAll(page)) {
                        return;
                    }
                    lag = lagAfter(page);
                    events.pageRead(page, lag);
                }
            }
        } finally {
            saveUnsaved();
        }
    }

    /** @return false when asked to stop part-way */
    private boolean deliverAll(StreamPage page) {
        for (StreamRecord record : page.records()) {
            accept(record);
            if (record.isLastOp() && pause.isStopped()) {
                return false;
            }
        }
        if (frequency == CheckpointFrequency.EVERY_PAGE) {
            saveUnsaved();
        }
        return true;
    }

    private void accept(StreamRecord record) {
        if (pending.isEmpty()) {
            if (record.opNum() != 1) {
                throw new StreamContinuityException("the stream resumed inside commit " + record.commitNum()
                        + " at opNum " + record.opNum() + ": a poller delivers whole transactions, so it starts at a "
                        + "commit's first event and its checkpoint is a transaction's last");
            }
        } else {
            StreamRecord previous = pending.get(pending.size() - 1);
            if (record.commitNum() != previous.commitNum()) {
                throw new StreamContinuityException("commit " + previous.commitNum() + " ended at opNum "
                        + previous.opNum() + " without isLastOp; commit " + record.commitNum() + " followed");
            }
            if (record.opNum() != previous.opNum() + 1) {
                throw new StreamContinuityException("commit " + record.commitNum() + ": opNum " + record.opNum()
                        + " follows " + previous.opNum());
            }
        }
        pending.add(record);
        if (record.isLastOp()) {
            StreamTransaction transaction = new StreamTransaction(record.commitNum(), record.commitTimestamp(), pending);
            pending.clear();
            deliver(transaction);
        }
    }

    private void deliver(StreamTransaction transaction) {
        long c = transaction.commitNum();
        if (lastCommit >= 0 && c != lastCommit + 1) {
            throw new StreamContinuityException("commit " + c + " follows commit " + lastCommit + ": "
                    + (c <= lastCommit ? "commitNums went back" : "commits " + (lastCommit + 1) + " to " + (c - 1)
                    + " are missing"));
        }
        try {
            handler.handle(transaction);
        } catch (Exception e) {
            saveUnsaved();
            throw new HandlerFailedException(c, handled == null ? null : handled.eventId(), e);
        }
        handled = transaction.checkpoint();
        lastCommit = c;
        transactions++;
        records += transaction.records().size();
        if (handler.savesCheckpoint()) {
            unsaved = null;
        } else if (frequency == CheckpointFrequency.EVERY_TRANSACTION) {
            save(handled);
        } else {
            unsaved = handled;
        }
    }

    private Lag lagAfter(StreamPage page) {
        long now = System.nanoTime();
        if (!lagProbeInterval.isZero() && (lastProbeNanos == 0 || now - lastProbeNanos >= lagProbeInterval.toNanos())) {
            lastProbeNanos = now;
            try {
                newest = source.read(Position.latest().request(1)).lastEventId();
            } catch (IOException | RuntimeException e) {
                // the figure waits for the next probe
            }
        }
        if (newest == null || newest.isBefore(page.lastEventId())) {
            newest = page.lastEventId();
        }
        EventId at = handled == null ? null : handled.eventId();
        long commitsBehind = at == null ? -1 : Math.max(0, newest.commitNum() - at.commitNum());
        long millisBehind = handled == null ? -1 : Math.max(0, clock.millis() - handled.commitTimestamp());
        return new Lag(at, newest, commitsBehind, millisBehind);
    }

    private Optional<Checkpoint> load() {
        try {
            return store.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the checkpoint", e);
        }
    }

    private void saveUnsaved() {
        if (unsaved != null) {
            Checkpoint c = unsaved;
            unsaved = null;
            save(c);
        }
    }

    private void save(Checkpoint checkpoint) {
        try {
            store.save(checkpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save checkpoint " + checkpoint, e);
        }
    }

    /** Counts retries on the way to the caller's events. */
    private final class Counting implements PollerEvents {
        private final PollerEvents to;

        Counting(PollerEvents to) {
            this.to = to;
        }

        @Override
        public void retrying(Exception failure, int attempt, Duration delay) {
            retries++;
            to.retrying(failure, attempt, delay);
        }

        @Override
        public void expired(ExpiredCheckpointException expired, boolean restarting) {
            to.expired(expired, restarting);
        }

        @Override
        public void behindPosition(Position position, Optional<EventId> newest) {
            to.behindPosition(position, newest);
        }
    }

    public static final class Builder {
        private final StreamSource source;
        private final CheckpointStore store;
        private final TransactionHandler handler;
        private Position start = Position.trimHorizon();
        private int pageSize = DEFAULT_PAGE_SIZE;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private Backoff idleBackoff = DEFAULT_IDLE_BACKOFF;
        private ExpiredCheckpointPolicy onExpired = ExpiredCheckpointPolicy.FAIL;
        private CheckpointFrequency frequency = CheckpointFrequency.EVERY_TRANSACTION;
        private PollerEvents events = PollerEvents.LOGGING;
        private Clock clock = Clock.systemUTC();
        private Duration lagProbeInterval = DEFAULT_LAG_PROBE_INTERVAL;

        private Builder(StreamSource source, CheckpointStore store, TransactionHandler handler) {
            this.source = Objects.requireNonNull(source, "source");
            this.store = Objects.requireNonNull(store, "store");
            this.handler = Objects.requireNonNull(handler, "handler");
        }

        /**
         * Where to begin when the store holds no checkpoint: TRIM_HORIZON (the default), LATEST (only what
         * is committed from now on), or AT a commit's first event.
         */
        public Builder start(Position start) {
            this.start = Objects.requireNonNull(start, "start");
            return this;
        }

        /** The {@code limit} of each read, 1 to 100000 (default 10000). */
        public Builder pageSize(int limit) {
            Position.trimHorizon().request(limit);
            this.pageSize = limit;
            return this;
        }

        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /** The wait between polls while caught up (default 100 ms doubling to 5 s, reset by the next page). */
        public Builder idleBackoff(Backoff backoff) {
            this.idleBackoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /** Default {@link ExpiredCheckpointPolicy#FAIL}: losing changes is never silent. */
        public Builder onExpired(ExpiredCheckpointPolicy policy) {
            this.onExpired = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder checkpointFrequency(CheckpointFrequency frequency) {
            this.frequency = Objects.requireNonNull(frequency, "frequency");
            return this;
        }

        /** Default {@link PollerEvents#LOGGING}. */
        public Builder events(PollerEvents events) {
            this.events = Objects.requireNonNull(events, "events");
            return this;
        }

        /** For {@link Lag#millisBehind()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How often, while behind, to ask for the newest event (one LATEST read) for
         * {@link Lag#commitsBehind()}; zero never asks (default 10 s).
         */
        public Builder lagProbeInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("negative interval");
            }
            this.lagProbeInterval = interval;
            return this;
        }

        public StreamPoller build() {
            return new StreamPoller(this);
        }
    }
}
