package dev.nereid.server.gremlin;

import dev.nereid.graph.gremlin.NeptuneScriptEngineFactory;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import java.util.Map;
import org.apache.tinkerpop.gremlin.process.traversal.Bytecode;
import org.apache.tinkerpop.gremlin.util.Tokens;
import org.apache.tinkerpop.gremlin.util.message.RequestMessage;

/**
 * The arguments of a WebSocket request, checked before Gremlin Server sees them. Gremlin Server casts
 * them to the types it expects without looking, so a wrong type was a ClassCastException (answered as an
 * internal failure, or, thrown where nothing catches it, not answered at all), and a script naming a
 * language no engine has was never answered. Wrong arguments are refused as the HTTP endpoint refuses
 * them, with InvalidParameterException. A missing argument is left to Gremlin Server, which names it.
 */
final class RequestArguments {
    /**
     * Results per response message. Gremlin Server allocates a list of the requested size up front, so
     * {@code batchSize: 2147483647} meant gigabytes for one small request.
     */
    static final int MAX_BATCH_SIZE = 65_536;

    private RequestArguments() {
    }

    /**
     * The request, with a batch size above {@link #MAX_BATCH_SIZE} lowered to it: batches are invisible
     * to a client (its driver joins the partial responses), so a larger one is served in more responses
     * rather than refused.
     *
     * @throws NereidException InvalidParameterException, naming the argument that is wrong
     */
    static RequestMessage checked(RequestMessage request) {
        Map<String, Object> args = request.getArgs();
        if (Tokens.OPS_EVAL.equals(request.getOp())) {
            require(args, Tokens.ARGS_GREMLIN, String.class, "a string");
            Object language = args.get(Tokens.ARGS_LANGUAGE);
            if (language != null && !NeptuneScriptEngineFactory.LANGUAGES.contains(language)) {
                throw invalid(Tokens.ARGS_LANGUAGE, "one of " + String.join(", ", NeptuneScriptEngineFactory.LANGUAGES));
            }
        } else if (Tokens.OPS_BYTECODE.equals(request.getOp())) {
            require(args, Tokens.ARGS_GREMLIN, Bytecode.class, "bytecode");
        }
        require(args, Tokens.ARGS_BINDINGS, Map.class, "a map");
        require(args, Tokens.ARGS_SESSION, String.class, "a string");
        require(args, Tokens.ARGS_MANAGE_TRANSACTION, Boolean.class, "a boolean");
        require(args, Tokens.ARGS_EVAL_TIMEOUT, Number.class, "a number");
        if (args.get(Tokens.ARGS_ALIASES) instanceof Map<?, ?> aliases) {
            if (!aliases.entrySet().stream().allMatch(e -> e.getKey() instanceof String && e.getValue() instanceof String)) {
                throw invalid(Tokens.ARGS_ALIASES, "a map of strings to strings");
            }
        } else if (args.get(Tokens.ARGS_ALIASES) != null) {
            throw invalid(Tokens.ARGS_ALIASES, "a map of strings to strings");
        }
        Object batchSize = args.get(Tokens.ARGS_BATCH_SIZE);
        if (batchSize == null) {
            return request;
        }
        long size = batchSize instanceof Integer || batchSize instanceof Long || batchSize instanceof Short
                || batchSize instanceof Byte ? ((Number) batchSize).longValue() : 0;
        if (size < 1) {
            throw invalid(Tokens.ARGS_BATCH_SIZE, "a positive integer");
        }
        if (batchSize instanceof Integer && size <= MAX_BATCH_SIZE) {
            return request;
        }
        // Gremlin Server reads the batch size as an Integer.
        return RequestMessage.from(request).addArg(Tokens.ARGS_BATCH_SIZE, (int) Math.min(size, MAX_BATCH_SIZE)).create();
    }

    private static void require(Map<String, Object> args, String name, Class<?> type, String what) {
        Object value = args.get(name);
        if (value != null && !type.isInstance(value)) {
            throw invalid(name, what);
        }
    }

    private static NereidException invalid(String name, String what) {
        return new NereidException(ErrorCode.INVALID_PARAMETER, "Parameter '" + name + "' must be " + what);
    }
}
