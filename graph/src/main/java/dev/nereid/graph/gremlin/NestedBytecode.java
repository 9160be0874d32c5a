package dev.nereid.graph.gremlin;

import org.apache.tinkerpop.gremlin.process.traversal.Bytecode;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The traversals an instruction's arguments hold: anonymous traversals given to union(), coalesce(),
 * sideEffect(), by(), option(), mergeV(), … as Bytecode or Traversal, also inside lists, sets, maps (keys
 * and values), arrays and bound variables. Only the outermost are listed: what they hold in turn is found
 * by walking them.
 */
public final class NestedBytecode {

    private NestedBytecode() {
    }

    public static List<Bytecode> in(Object[] arguments) {
        List<Bytecode> found = new ArrayList<>();
        for (Object argument : arguments) {
            collect(argument, found);
        }
        return found;
    }

    private static void collect(Object argument, List<Bytecode> found) {
        if (argument instanceof Bytecode bytecode) {
            found.add(bytecode);
        } else if (argument instanceof Traversal<?, ?> traversal) {
            found.add(traversal.asAdmin().getBytecode());
        } else if (argument instanceof Bytecode.Binding<?> binding) {
            collect(binding.value(), found);
        } else if (argument instanceof Collection<?> items) {
            for (Object item : items) {
                collect(item, found);
            }
        } else if (argument instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                collect(entry.getKey(), found);
                collect(entry.getValue(), found);
            }
        } else if (argument instanceof Object[] items) {
            for (Object item : items) {
                collect(item, found);
            }
        }
    }
}
