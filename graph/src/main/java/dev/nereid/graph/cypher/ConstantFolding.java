package dev.nereid.graph.cypher;

import org.apache.tinkerpop.gremlin.process.traversal.Bytecode;
import org.apache.tinkerpop.gremlin.process.traversal.P;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversal;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;

/**
 * Whether a traversal the translator built yields anything, decided from its steps where they are
 * constants: the translator writes a literal or an inlined parameter as {@code constant(v)} (a parameter
 * inside {@code choose(constant(v), constant(v), constant(null))}) and tests a value for null with
 * {@code is(neq(NULL)).unfold()} — which also yields nothing for an empty list or map. Any step that
 * depends on the graph or on the traverser entering makes the answer unknown.
 */
final class ConstantFolding {

    enum Yield { SOMETHING, NOTHING, UNKNOWN }

    /** What the traversers leaving a step are known to be. */
    private record State(Kind kind, Object value) {
        static final State SOME = new State(Kind.SOME, null);
        static final State NONE = new State(Kind.NONE, null);
        static final State UNKNOWN = new State(Kind.UNKNOWN, null);

        static State of(Object value) {
            return new State(Kind.VALUE, value);
        }
    }

    /** VALUE: at least one traverser, each holding {@code value}; SOME: at least one, values unknown. */
    private enum Kind { VALUE, SOME, NONE, UNKNOWN }

    private ConstantFolding() {
    }

    /** Whether one traverser entering {@code traversal} comes out as at least one, as none, or it cannot be told. */
    static Yield yields(Bytecode traversal) {
        return switch (fold(traversal, State.SOME).kind()) {
            case VALUE, SOME -> Yield.SOMETHING;
            case NONE -> Yield.NOTHING;
            case UNKNOWN -> Yield.UNKNOWN;
        };
    }

    private static State fold(Bytecode traversal, State in) {
        State state = in;
        for (Bytecode.Instruction step : traversal.getStepInstructions()) {
            if (state.kind() == Kind.NONE || state.kind() == Kind.UNKNOWN) {
                return state;
            }
            state = step(step.getOperator(), step.getArguments(), state);
        }
        return state;
    }

    private static State step(String operator, Object[] arguments, State state) {
        switch (operator) {
            case GraphTraversal.Symbols.identity:
                return state;
            case GraphTraversal.Symbols.constant:
                return arguments.length == 1 && !(arguments[0] instanceof Bytecode) ? State.of(arguments[0]) : State.UNKNOWN;
            case GraphTraversal.Symbols.is:
                return state.kind() == Kind.VALUE && arguments.length == 1 && arguments[0] instanceof P<?> p
                        ? test(p, state) : State.UNKNOWN;
            case GraphTraversal.Symbols.unfold:
                return state.kind() == Kind.VALUE ? unfold(state.value()) : State.UNKNOWN;
            case GraphTraversal.Symbols.choose:
                return choose(arguments, state);
            default:
                return State.UNKNOWN;
        }
    }

    @SuppressWarnings("unchecked")
    private static State test(P<?> predicate, State state) {
        try {
            return ((P<Object>) predicate).test(state.value()) ? state : State.NONE;
        } catch (RuntimeException e) {
            return State.UNKNOWN;
        }
    }

    private static State unfold(Object value) {
        if (value instanceof Collection<?> c) {
            return c.isEmpty() ? State.NONE : State.SOME;
        }
        if (value instanceof Map<?, ?> m) {
            return m.isEmpty() ? State.NONE : State.SOME;
        }
        if (value != null && value.getClass().isArray()) {
            return Array.getLength(value) == 0 ? State.NONE : State.SOME;
        }
        return State.of(value);
    }

    /** {@code choose(test, then[, otherwise])}: the branch taken, where the test's outcome is known. */
    private static State choose(Object[] arguments, State state) {
        if ((arguments.length != 2 && arguments.length != 3) || !allBytecode(arguments)) {
            return State.UNKNOWN;
        }
        Kind test = fold((Bytecode) arguments[0], state).kind();
        if (test == Kind.VALUE || test == Kind.SOME) {
            return fold((Bytecode) arguments[1], state);
        }
        if (test == Kind.NONE) {
            return arguments.length == 3 ? fold((Bytecode) arguments[2], state) : state;
        }
        return State.UNKNOWN;
    }

    static boolean allBytecode(Object[] arguments) {
        for (Object a : arguments) {
            if (!(a instanceof Bytecode)) {
                return false;
            }
        }
        return true;
    }
}
