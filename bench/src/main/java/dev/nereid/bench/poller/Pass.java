package dev.nereid.bench.poller;

/**
 * One timed read of the whole backlog by one reader.
 *
 * @param reader       which reader
 * @param pages        pages fetched, the last 404 not counted
 * @param records      records read (delivered, for a poller)
 * @param transactions transactions delivered; 0 for readers that do not group them
 */
record Pass(Reader reader, int pages, long records, long transactions, long nanos) {

    double seconds() {
        return nanos / 1e9;
    }

    double recordsPerSecond() {
        return records / seconds();
    }
}
