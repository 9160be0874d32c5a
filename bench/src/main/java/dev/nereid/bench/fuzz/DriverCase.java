package dev.nereid.bench.fuzz;

/**
 * A valid Gremlin request sent the way applications send it, through TinkerPop's driver over WebSocket.
 *
 * @param script   a Gremlin script, or null for {@link #bytecode}
 * @param bytecode which bytecode traversal to submit when there is no script (see {@link GremlinDriver})
 */
public record DriverCase(String script, int bytecode, boolean writes) implements FuzzCase {

    @Override
    public String endpoint() {
        return "ws /gremlin (driver)";
    }

    @Override
    public boolean valid() {
        return true;
    }

    @Override
    public String describe() {
        return script != null ? "driver script " + script : "driver bytecode #" + bytecode;
    }
}
