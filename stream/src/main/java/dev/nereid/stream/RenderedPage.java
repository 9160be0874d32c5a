package dev.nereid.stream;

/**
 * A page's complete JSON body, uncompressed: {@code bytes[offset, offset + length)}. The array may
 * be larger than the body; it is owned by the page and never written again.
 */
public record RenderedPage(byte[] bytes, int offset, int length, int totalRecords, EventId lastEventId,
                           long lastTrxTimestamp) {
}
