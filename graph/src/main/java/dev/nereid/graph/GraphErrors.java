package dev.nereid.graph;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;

/** The graph's repeated errors, with Neptune's codes and wording. */
public final class GraphErrors {

    private GraphErrors() {
    }

    public static NereidException concurrentModification() {
        return new NereidException(ErrorCode.CONCURRENT_MODIFICATION,
                "Failed to complete the operation due to conflicting concurrent operations. Please retry.");
    }

    static NereidException vertexExists(Object id) {
        return new NereidException(ErrorCode.CONSTRAINT_VIOLATION, "Vertex with id already exists: " + id);
    }

    public static NereidException edgeExists(Object id) {
        return new NereidException(ErrorCode.CONSTRAINT_VIOLATION, "Edge with id already exists: " + id);
    }
}
