package dev.nereid.server.http;

import java.util.Optional;

/**
 * Lets requests in while the server can serve them, and drains them before a fast reset or a stop.
 * A closed gate answers with the reason, which the dispatcher turns into a 500
 * {@code ServerShutdownException}.
 */
public final class RequestGate {
    private int inFlight;
    private String closedBecause;

    /** True if the request may run; it must then call {@link #exit()} when done. */
    public synchronized boolean tryEnter() {
        if (closedBecause != null) {
            return false;
        }
        inFlight++;
        return true;
    }

    public synchronized void exit() {
        inFlight--;
        if (inFlight == 0) {
            notifyAll();
        }
    }

    public synchronized Optional<String> closedBecause() {
        return Optional.ofNullable(closedBecause);
    }

    /** Turns new requests away with {@code reason} and waits until those already in are done. */
    public synchronized void closeAndDrain(String reason) throws InterruptedException {
        closedBecause = reason;
        while (inFlight > 0) {
            wait();
        }
    }

    public synchronized void reopen() {
        closedBecause = null;
    }
}
