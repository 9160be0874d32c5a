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
     * rather than refused. An {@code evaluationTimeout} may shorten the query timeout but not lengthen it
     * or, as 0 does in Gremlin Server, switch it off: the server's timeout is a limit its operator set, and
     * Neptune takes the smaller of the two for its per-query timeout hint too.
     *
     * @param queryTimeoutMillis the server's query timeout, positive
     * @throws NereidException InvalidParameterException, naming the argument that is wrong
     */
    static RequestMessage checked(RequestMessage request, long queryTimeoutMillis) {
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
        Integer batchSize = batchSize(args.get(Tokens.ARGS_BATCH_SIZE));
        Long timeout = timeout(args.get(Tokens.ARGS_EVAL_TIMEOUT), queryTimeoutMillis);
        if (batchSize == null && timeout == null) {
            return request;
        }
        RequestMessage.Builder lowered = RequestMessage.from(request);
        if (batchSize != null) {
            lowered.addArg(Tokens.ARGS_BATCH_SIZE, batchSize);
        }
        if (timeout != null) {
            lowered.addArg(Tokens.ARGS_EVAL_TIMEOUT, timeout);
        }
        return lowered.create();
    }

    /** The batch size to put in place of the one asked for, or null to keep that one. */
    private static Integer batchSize(Object asked) {
        if (asked == null) {
            return null;
        }
        long size = asked instanceof Integer || asked instanceof Long || asked instanceof Short
                || asked instanceof Byte ? ((Number) asked).longValue() : 0;
        if (size < 1) {
            throw invalid(Tokens.ARGS_BATCH_SIZE, "a positive integer");
        }
        // Gremlin Server reads the batch size as an Integer.
        return asked instanceof Integer && size <= MAX_BATCH_SIZE ? null : (int) Math.min(size, MAX_BATCH_SIZE);
    }

    /** The timeout to put in place of the one asked for, or null to keep that one. */
    private static Long timeout(Object asked, long queryTimeoutMillis) {
        if (asked == null) {
            return null;
        }
        long millis = ((Number) asked).longValue();
        return millis > 0 && millis <= queryTimeoutMillis ? null : queryTimeoutMillis;
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
