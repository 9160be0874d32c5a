package dev.nereid.stream;

/**
 * A page decided but not yet rendered: which events it holds and exactly how long its body is.
 * Knowing the length and the last event first lets a server send the header and stream the
 * records while it renders them ({@link PageReader#write}).
 *
 * @param format           the page's format
 * @param first            the first event of the page
 * @param totalRecords     how many events it holds
 * @param lastEventId      its last event
 * @param lastTrxTimestamp the commit timestamp of its last event
 * @param bodyLength       the exact length of the uncompressed body in bytes
 */
public record PagePlan(StreamFormat format, EventId first, int totalRecords, EventId lastEventId,
                       long lastTrxTimestamp, long bodyLength) {
}
