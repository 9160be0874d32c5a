package dev.nereid.bench;

import java.time.Duration;

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
}
