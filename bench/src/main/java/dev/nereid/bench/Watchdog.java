package dev.nereid.bench;

import java.time.Duration;
import java.util.Locale;

/** Ends the process if a driver overruns, so a hung connection can never keep a benchmark run alive. */
public final class Watchdog {

    private Watchdog() {
    }

    public static void start(String driver, Duration after) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(after.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.err.println(driver + ": still running after " + after.toSeconds() + " s; giving up");
            System.exit(3);
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** A driver's whole body: it may throw. */
    @FunctionalInterface
    public interface Run {
        void run() throws Exception;
    }

    /**
     * A load driver's main: the watchdog, the run, its wall time, and an exit with 1 if it failed. The
     * exit is explicit because HTTP clients' selector threads are not daemons: without it a failed run
     * would wait for the watchdog.
     */
    public static void runAndExit(String driver, Duration limit, Run body) {
        start(driver, limit.plusSeconds(30));
        long started = System.nanoTime();
        int status = 0;
        try {
            body.run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.printf(Locale.ROOT, "Wall time %.0f s%n", (System.nanoTime() - started) / 1e9);
        System.exit(status);
    }
}
