package dev.nereid.client.poller;

import dev.nereid.client.StreamRecord;
import dev.nereid.stream.EventId;
import java.util.List;

/**
 * One whole committed transaction: all the records of one commitNum, opNum 1 to n, the last with
 * {@code isLastOp}, however the pages split it.
 */
public record StreamTransaction(long commitNum, long commitTimestamp, List<StreamRecord> records) {
    public StreamTransaction {
        records = List.copyOf(records);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a transaction has at least one record");
        }
    }

    public EventId lastEventId() {
        return records.get(records.size() - 1).eventId();
    }

    /** The checkpoint that says this transaction is done. */
    public Checkpoint checkpoint() {
        return new Checkpoint(lastEventId(), commitTimestamp);
    }
}
