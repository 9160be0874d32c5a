package dev.nereid.graph.capture;

/**
 * A vertex a transaction touched: its image before ({@code null} if it did not exist) and after
 * ({@code null} if it was removed), and when the transaction first touched it.
 */
public record VertexChange(String id, VertexImage before, VertexImage after, long touch) {
}
