package dev.nereid.client;

import dev.nereid.stream.EventId;
import dev.nereid.stream.Op;
import dev.nereid.stream.PgData;
import dev.nereid.stream.RdfData;

/**
 * One change record of a page (spec §2.1).
 *
 * @param eventId         its position
 * @param commitTimestamp epoch ms of its commit, the same on every record of the commit
 * @param op              ADD or REMOVE
 * @param isLastOp        whether it closes its transaction
 * @param data            the {@code data} object as sent
 * @param json            the whole record as sent, byte for byte
 */
public record StreamRecord(EventId eventId, long commitTimestamp, Op op, boolean isLastOp, RawJson data,
                           RawJson json) {

    public long commitNum() {
        return eventId.commitNum();
    }

    public long opNum() {
        return eventId.opNum();
    }

    /** The data of a property-graph record (PG_JSON, GREMLIN_JSON), read strictly. */
    public PgData pgData() {
        return PgData.fromJson(data.array(), data.offset(), data.length());
    }

    /** The data of an RDF record (NQUADS): one N-Quads statement. */
    public RdfData rdfData() {
        return RdfData.fromJson(data.array(), data.offset(), data.length());
    }
}
