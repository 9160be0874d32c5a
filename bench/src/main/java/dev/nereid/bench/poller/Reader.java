package dev.nereid.bench.poller;

/** The readers a round times, in the order it times them. */
enum Reader {
    /** The baseline: GET each page with java.net.http, find lastEventId and totalRecords, parse nothing else. */
    RAW_FETCH("raw page fetch (baseline)"),
    /** {@code StreamClient.read}: the same fetches, each page parsed into records. */
    CLIENT_PAGES("StreamClient pages"),
    /** {@code StreamPoller} with an in-memory checkpoint saved after every transaction. */
    POLLER("StreamPoller, checkpoint per transaction (memory)"),
    /** {@code StreamPoller} with a file checkpoint, forced to disk once per page. */
    POLLER_FILE("StreamPoller, checkpoint per page (file, fsync)");

    final String label;

    Reader(String label) {
        this.label = label;
    }
}
