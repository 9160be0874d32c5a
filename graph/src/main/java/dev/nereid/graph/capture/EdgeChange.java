package dev.nereid.graph.capture;

/**
 * An edge a transaction touched, like {@link VertexChange}, plus its age: the sequence number of its
 * creating commit, so that edges removed together by one step come oldest first (spec §5.2).
 * {@code created} is {@link Long#MAX_VALUE} for an edge the transaction itself created.
 */
public record EdgeChange(String id, EdgeImage before, EdgeImage after, long touch, long created) {
}
