package dev.nereid.client;

import dev.nereid.stream.EventId;
import dev.nereid.stream.StreamFormat;
import java.util.List;

/**
 * One page of a stream (spec §2.1): at least one record, in event-id order.
 *
 * @param lastEventId      the event id of the last record, where the next page continues after
 * @param lastTrxTimestamp the commit timestamp of the last record
 * @param format           PG_JSON, GREMLIN_JSON or NQUADS
 * @param bodyBytes        the length of the uncompressed body
 */
public record StreamPage(EventId lastEventId, long lastTrxTimestamp, StreamFormat format, List<StreamRecord> records,
                         int bodyBytes) {
    public StreamPage {
        records = List.copyOf(records);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a page holds at least one record");
        }
    }

    public int totalRecords() {
        return records.size();
    }
}
