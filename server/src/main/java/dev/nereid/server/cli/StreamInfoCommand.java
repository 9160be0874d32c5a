package dev.nereid.server.cli;

import dev.nereid.client.StreamClient;
import dev.nereid.client.StreamRecord;
import dev.nereid.client.checkpoint.FileCheckpointStore;
import dev.nereid.client.poller.Checkpoint;
import dev.nereid.client.poller.ExpiredCheckpointException;
import dev.nereid.client.poller.ExpiredCheckpointPolicy;
import dev.nereid.client.poller.PageFollower;
import dev.nereid.client.poller.Pause;
import dev.nereid.client.poller.Poll;
import dev.nereid.client.poller.PollerEvents;
import dev.nereid.client.poller.Position;
import dev.nereid.client.poller.RetriesExhaustedException;
import dev.nereid.client.poller.RetryPolicy;
import dev.nereid.stream.EventId;
import dev.nereid.stream.NereidException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./nereid stream-info}: a stream's oldest and newest events, and how far a consumer is behind. */
@Command(name = "stream-info", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints a stream's oldest and newest event ids with their commit times, and the lag of a consumer: "
                + "at the checkpoint given, or else at TRIM_HORIZON (one that has read nothing yet).",
                "The lag is in commits (commitNums are dense), in records (counted by reading the stream up to "
                        + "--count-limit), and in milliseconds of commit time between the consumer's last event and the newest."})
public final class StreamInfoCommand implements Callable<Integer> {

    @Mixin
    EndpointOptions endpoint;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "A checkpoint file written by tail --checkpoint or a poller's file store.")
    Path checkpoint;

    @Option(names = "--count-limit", paramLabel = "N", defaultValue = "10000000",
            description = "Stop counting records behind after this many (default: ${DEFAULT-VALUE}).")
    long countLimit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PrintStream stdout = System.out;
    PrintStream stderr = System.err;

    /** An event and its commit time. */
    private record Event(EventId id, long commitTimestamp) {
        static Event of(StreamRecord r) {
            return new Event(r.eventId(), r.commitTimestamp());
        }

        @Override
        public String toString() {
            return id.commitNum() + ":" + id.opNum() + " " + Instant.ofEpochMilli(commitTimestamp);
        }
    }

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        StreamClient client = endpoint.client(cmd);
        try {
            Optional<Checkpoint> saved = checkpoint == null ? Optional.empty() : FileCheckpointStore.of(checkpoint).load();
            Optional<Event> oldest = one(client, Position.trimHorizon());
            Optional<Event> newest = one(client, Position.latest());
            stdout.println("stream      " + endpoint.path(cmd).displayName());
            stdout.println("oldest      " + oldest.map(Event::toString).orElse("none"));
            stdout.println("newest      " + newest.map(Event::toString).orElse("none"));
            if (checkpoint != null) {
                stdout.println("checkpoint  " + saved.map(c -> new Event(c.eventId(), c.commitTimestamp()).toString())
                        .orElse("none (a consumer starting from it reads from TRIM_HORIZON)"));
            }
            stdout.println("lag         " + lag(client, saved, oldest, newest));
            return 0;
        } catch (NereidException | RetriesExhaustedException | IOException e) {
            stderr.println("stream-info: " + TailCommand.describe(e));
            return 1;
        }
    }

    private String lag(StreamClient client, Optional<Checkpoint> saved, Optional<Event> oldest, Optional<Event> newest) {
        if (newest.isEmpty()) {
            return "0 commits, 0 records, 0 ms (the stream holds nothing)";
        }
        Event n = newest.get();
        long commits;
        long millis;
        Position from;
        if (saved.isPresent()) {
            Checkpoint c = saved.get();
            if (n.id().isBefore(c.eventId())) {
                return "the stream ends before the checkpoint (newest " + n.id().commitNum() + ":" + n.id().opNum()
                        + "): was the database reset?";
            }
            commits = n.id().commitNum() - c.commitNum();
            millis = n.commitTimestamp() - c.commitTimestamp();
            from = Position.after(c.eventId());
        } else {
            Event o = oldest.orElse(n);
            commits = n.id().commitNum() - o.id().commitNum() + 1;
            millis = n.commitTimestamp() - o.commitTimestamp();
            from = Position.trimHorizon();
        }
        String records;
        try {
            records = countRecords(client, from, n.id());
        } catch (ExpiredCheckpointException e) {
            return "checkpoint expired: " + e.getMessage();
        }
        return String.format(Locale.ROOT, "%d commit%s, %s, %d ms", commits, commits == 1 ? "" : "s", records, millis);
    }

    /** Reads from {@code from} to {@code newest} in the largest pages the API allows, counting records. */
    private String countRecords(StreamClient client, Position from, EventId newest) {
        PageFollower follower = follower(client, from, 100_000);
        long count = 0;
        while (count < countLimit) {
            Poll poll = follower.next();
            if (!(poll instanceof Poll.Page p)) {
                break;
            }
            for (StreamRecord r : p.page().records()) {
                if (r.eventId().isAfter(newest)) {
                    break;
                }
                count++;
            }
            if (!p.page().lastEventId().isBefore(newest)) {
                break;
            }
        }
        return count >= countLimit ? String.format(Locale.ROOT, "%d+ records (stopped counting at --count-limit)", countLimit)
                : count + (count == 1 ? " record" : " records");
    }

    /** The one event a TRIM_HORIZON or LATEST read names, or empty when the stream holds none. */
    private Optional<Event> one(StreamClient client, Position position) {
        Poll poll = follower(client, position, 1).next();
        return poll instanceof Poll.Page p ? Optional.of(Event.of(p.page().records().get(0))) : Optional.empty();
    }

    private PageFollower follower(StreamClient client, Position from, int limit) {
        return new PageFollower(client, from, limit, RetryPolicy.DEFAULT, ExpiredCheckpointPolicy.FAIL, PollerEvents.LOGGING,
                new Pause(), new SplittableRandom());
    }
}
