package dev.nereid.graph.cypher;

import org.apache.tinkerpop.gremlin.process.traversal.Bytecode;
import org.apache.tinkerpop.gremlin.util.function.Lambda;
import org.opencypher.gremlin.traversal.CustomFunctions;

import java.lang.reflect.Method;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The translator's bytecode names its helper functions as Groovy lambdas ({@code cypherToString().apply(it)})
 * for a Gremlin Server to evaluate. Nereid runs no Groovy: each such lambda becomes the Java function of
 * the same name from the translator's own extension library. (The translator's direct traversal builder
 * is not used: under TinkerPop 3.7 its nested "does it exist?" checks never see the graph, so MERGE
 * always created.)
 */
final class CypherBytecode {

    private static final Pattern HELPER = Pattern.compile("(cypher[A-Za-z]+)\\(\\)\\.apply\\(it\\)");

    private CypherBytecode() {
    }

    static Bytecode withJavaFunctions(Bytecode bytecode) {
        Bytecode out = new Bytecode();
        for (Bytecode.Instruction i : bytecode.getSourceInstructions()) {
            out.addSource(i.getOperator(), resolve(i.getArguments()));
        }
        for (Bytecode.Instruction i : bytecode.getStepInstructions()) {
            out.addStep(i.getOperator(), resolve(i.getArguments()));
        }
        return out;
    }

    private static Object[] resolve(Object[] arguments) {
        Object[] out = new Object[arguments.length];
        for (int a = 0; a < arguments.length; a++) {
            Object arg = arguments[a];
            if (arg instanceof Bytecode nested) {
                out[a] = withJavaFunctions(nested);
            } else if (arg instanceof Lambda lambda) {
                out[a] = function(lambda.getLambdaScript());
            } else {
                out[a] = arg;
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Function<Object, Object> function(String script) {
        Matcher m = HELPER.matcher(script.trim());
        if (!m.matches()) {
            throw new UnsupportedOperationException("Unsupported openCypher function: " + script);
        }
        try {
            Method helper = CustomFunctions.class.getMethod(m.group(1));
            return (Function<Object, Object>) helper.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new UnsupportedOperationException("Unsupported openCypher function: " + m.group(1), e);
        }
    }
}
