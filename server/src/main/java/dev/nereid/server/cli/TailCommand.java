package dev.nereid.server.cli;

import dev.nereid.client.StreamClient;
import dev.nereid.client.StreamPage;
import dev.nereid.client.StreamRecord;
import dev.nereid.client.checkpoint.FileCheckpointStore;
import dev.nereid.client.poller.Backoff;
import dev.nereid.client.poller.Checkpoint;
import dev.nereid.client.poller.ExpiredCheckpointException;
import dev.nereid.client.poller.ExpiredCheckpointPolicy;
import dev.nereid.client.poller.PageFollower;
import dev.nereid.client.poller.Pause;
import dev.nereid.client.poller.Poll;
import dev.nereid.client.poller.PollerEvents;
import dev.nereid.client.poller.Position;
import dev.nereid.client.poller.RetryPolicy;
import dev.nereid.stream.EventId;
import dev.nereid.stream.NereidException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./nereid tail}: prints a stream's records, one a line, and optionally keeps following it. */
@Command(name = "tail", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints the records of a Neptune-compatible change stream, one per line: with --format json each "
                + "record exactly as the server sent it, with --format text a line for a person.",
                "Pages continue AFTER_SEQUENCE_NUMBER from each page's last event; throttling and dropped connections "
                        + "are retried with backoff. Without --follow it stops once caught up."})
public final class TailCommand implements Callable<Integer> {

    enum Format { json, text }

    enum OnExpired { fail, restart }

    @Mixin
    EndpointOptions endpoint;

    @Option(names = "--from", paramLabel = "TRIM_HORIZON|LATEST|COMMITNUM[:OPNUM]", defaultValue = "TRIM_HORIZON",
            description = "Where to start when there is no checkpoint: the oldest record, the newest one, or a commit "
                    + "(at its first op, or at OPNUM) (default: ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--max-records", paramLabel = "N", description = "Stop after N records.")
    Long maxRecords;

    @Option(names = "--follow", description = "Once caught up, keep polling for new records until interrupted.")
    boolean follow;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Resume after the last record a previous run "
            + "printed, and record the last one printed after each page (replaced atomically). Overrides --from once it exists.")
    Path checkpoint;

    @Option(names = "--format", paramLabel = "json|text", defaultValue = "json",
            description = "json: each record as sent; text: event id, time, op and data (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "1000",
            description = "The limit of each read, 1 to 100000 (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--on-expired", paramLabel = "fail|restart", defaultValue = "fail",
            description = "When the start or checkpoint has expired: stop with an error, or say so and restart from "
                    + "TRIM_HORIZON (default: ${DEFAULT-VALUE}).")
    OnExpired onExpired;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "10",
            description = "Attempts per read before giving up on retryable failures (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(names = "--quiet", description = "No progress lines on stderr.")
    boolean quiet;

    @Option(names = "--progress-interval-ms", hidden = true, defaultValue = "2000")
    long progressIntervalMillis;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where records go: the process's stdout, as bytes, so JSON text is passed on untouched. */
    OutputStream stdout = System.out;
    PrintStream stderr = System.err;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        Position start = parseFrom(cmd);
        if (pageSize < 1 || pageSize > 100_000) {
            throw new CommandLine.ParameterException(cmd, "--page-size must be 1 to 100000, was " + pageSize);
        }
        if (maxRecords != null && maxRecords < 0) {
            throw new CommandLine.ParameterException(cmd, "--max-records must be 0 or more, was " + maxRecords);
        }
        if (maxAttempts < 1) {
            throw new CommandLine.ParameterException(cmd, "--max-attempts must be 1 or more, was " + maxAttempts);
        }
        StreamClient client = endpoint.client(cmd);
        FileCheckpointStore store = checkpoint == null ? null : FileCheckpointStore.of(checkpoint);
        Pause pause = new Pause();
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C or SIGTERM: finish the page being printed and save its checkpoint, then exit.
        Thread hook = new Thread(() -> {
            pause.stop();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                // exiting anyway
            }
        }, "nereid-tail-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return tail(client, store, start, pause);
        } catch (NereidException | ExpiredCheckpointException | dev.nereid.client.poller.RetriesExhaustedException e) {
            stderr.println("tail: " + describe(e));
            return 1;
        } catch (IOException | UncheckedIOException e) {
            stderr.println("tail: " + e.getMessage());
            return 1;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
    }

    private int tail(StreamClient client, FileCheckpointStore store, Position start, Pause pause) throws IOException {
        Optional<Checkpoint> saved = store == null ? Optional.empty() : store.load();
        Position position = saved.map(c -> Position.after(c.eventId())).orElse(start);
        PageFollower follower = new PageFollower(client, position, pageSize,
                new RetryPolicy(maxAttempts, RetryPolicy.DEFAULT.backoff()),
                onExpired == OnExpired.restart ? ExpiredCheckpointPolicy.RESTART_FROM_TRIM_HORIZON : ExpiredCheckpointPolicy.FAIL,
                new Reporting(), pause, new SplittableRandom());
        Backoff idle = Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(5));
        Progress progress = new Progress(client);
        OutputStream out = new BufferedOutputStream(stdout, 1 << 16);
        long printed = 0;
        int idlePolls = 0;
        if (maxRecords != null && maxRecords == 0) {
            return 0;
        }
        while (true) {
            Poll poll = follower.next();
            if (poll instanceof Poll.Stopped) {
                break;
            } else if (poll instanceof Poll.Restarted) {
                idlePolls = 0;
            } else if (poll instanceof Poll.CaughtUp) {
                progress.caughtUp(printed, follower.position());
                if (!follow) {
                    break;
                }
                if (!pause.sleep(idle.delay(++idlePolls, new SplittableRandom()))) {
                    break;
                }
            } else if (poll instanceof Poll.Page p) {
                idlePolls = 0;
                StreamPage page = p.page();
                StreamRecord last = null;
                for (StreamRecord r : page.records()) {
                    write(out, r);
                    last = r;
                    printed++;
                    if (maxRecords != null && printed >= maxRecords) {
                        break;
                    }
                }
                out.flush();
                if (store != null && last != null) {
                    store.save(new Checkpoint(last.eventId(), last.commitTimestamp()));
                }
                if (maxRecords != null && printed >= maxRecords) {
                    break;
                }
                if (follow && page.totalRecords() >= pageSize) {
                    progress.behind(printed, last);
                }
            }
        }
        out.flush();
        return 0;
    }

    private void write(OutputStream out, StreamRecord r) throws IOException {
        if (format == Format.text) {
            out.write(TextRecords.line(r).getBytes(StandardCharsets.UTF_8));
        } else {
            // JSON strings cannot hold a raw line break, so a compact record is one line as sent.
            r.json().writeTo(out);
        }
        out.write('\n');
    }

    private Position parseFrom(CommandLine cmd) {
        try {
            return Position.parse(from);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, "--from: " + e.getMessage());
        }
    }

    static String describe(Exception e) {
        if (e instanceof dev.nereid.client.StreamServiceException s) {
            return s.toString();
        }
        if (e instanceof NereidException n) {
            return n.errorCode().code() + ": " + n.detailedMessage();
        }
        if (e instanceof IOException) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return e.getMessage();
    }

    /** Says on stderr what the reader does about failures a person would want to know of. */
    private final class Reporting implements PollerEvents {
        @Override
        public void retrying(Exception failure, int attempt, Duration delay) {
            if (!quiet) {
                stderr.printf(Locale.ROOT, "tail: %s; retrying in %d ms (attempt %d of %d)%n", describe(failure),
                        delay.toMillis(), attempt + 1, maxAttempts);
            }
        }

        @Override
        public void expired(ExpiredCheckpointException expired, boolean restarting) {
            if (restarting) {
                stderr.println("tail: " + expired.getMessage() + "; restarting from TRIM_HORIZON");
            }
        }

        @Override
        public void behindPosition(Position position, Optional<EventId> newest) {
            stderr.println("tail: the stream ends before " + position + " (newest event: "
                    + newest.map(e -> e.commitNum() + ":" + e.opNum()).orElse("none")
                    + "); was the database reset? Waiting for it to pass");
        }
    }

    /** Progress lines while following a backlog: at most one per interval, and one when caught up. */
    private final class Progress {
        private final StreamClient client;
        private long lastNanos = System.nanoTime();
        private boolean reported;

        Progress(StreamClient client) {
            this.client = client;
        }

        void behind(long printed, StreamRecord last) {
            long now = System.nanoTime();
            if (quiet || last == null || now - lastNanos < TimeUnit.MILLISECONDS.toNanos(progressIntervalMillis)) {
                return;
            }
            lastNanos = now;
            reported = true;
            String behind = "";
            try {
                EventId newest = client.read(Position.latest().request(1)).lastEventId();
                behind = String.format(Locale.ROOT, ", %,d commits behind %d:%d", newest.commitNum() - last.commitNum(),
                        newest.commitNum(), newest.opNum());
            } catch (IOException | RuntimeException e) {
                // the next line will tell
            }
            stderr.printf(Locale.ROOT, "tail: %,d records, at %d:%d (%s)%s%n", printed, last.commitNum(), last.opNum(),
                    java.time.Instant.ofEpochMilli(last.commitTimestamp()), behind);
        }

        void caughtUp(long printed, Position position) {
            if (reported && !quiet) {
                stderr.printf(Locale.ROOT, "tail: caught up after %,d records, at %s%n", printed,
                        position.eventId() == null ? position : position.eventId().commitNum() + ":"
                                + position.eventId().opNum());
            }
            reported = false;
        }
    }
}
