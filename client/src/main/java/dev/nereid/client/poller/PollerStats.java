package dev.nereid.client.poller;

/**
 * Counters of one poller since it started.
 *
 * @param transactions transactions handled
 * @param records      records in them
 * @param pages        pages read
 * @param retries      reads retried
 * @param lag          how far behind it is
 */
public record PollerStats(long transactions, long records, long pages, long retries, Lag lag) {
}
