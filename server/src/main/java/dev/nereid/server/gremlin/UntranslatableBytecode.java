package dev.nereid.server.gremlin;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import java.util.Map;
import java.util.Optional;
import org.apache.tinkerpop.gremlin.jsr223.JavaTranslator;
import org.apache.tinkerpop.gremlin.process.traversal.Bytecode;
import org.apache.tinkerpop.gremlin.process.traversal.TraversalSource;
import org.apache.tinkerpop.gremlin.server.Context;
import org.apache.tinkerpop.gremlin.server.op.OpProcessorException;
import org.apache.tinkerpop.gremlin.util.Tokens;
import org.apache.tinkerpop.gremlin.util.message.ResponseStatus;
import org.apache.tinkerpop.gremlin.util.message.ResponseStatusCode;

/**
 * Bytecode Gremlin Server could not turn into a traversal: a step that does not exist, arguments no
 * overload of the step takes, arguments the step refuses. Gremlin Server answers it with a serialization
 * error, as if the server had failed; it is the client's query that is wrong, as a script that does not
 * parse is, so it is a MalformedQueryException.
 */
final class UntranslatableBytecode {
    /** What Gremlin Server's traversal and session processors throw when translating bytecode fails. */
    static final String GREMLIN_SERVER_MESSAGE = "Could not deserialize the Traversal instance";

    private UntranslatableBytecode() {
    }

    /** {@code e} in Neptune's terms if it is such a failure, else {@code e} itself. */
    static OpProcessorException inNeptuneTerms(OpProcessorException e, Context context) {
        ResponseStatus status = e.getResponseMessage().getStatus();
        if (!GREMLIN_SERVER_MESSAGE.equals(e.getMessage()) || status.getCode() != ResponseStatusCode.SERVER_ERROR_SERIALIZATION
                || GremlinFailure.readFrom(status).isPresent()) {
            // Not a translation, or one that failed in Nereid's code and already says how in Neptune's terms.
            return e;
        }
        String message = why(context).orElse(status.getMessage() == null || status.getMessage().isBlank()
                ? GREMLIN_SERVER_MESSAGE : status.getMessage());
        return new OpProcessorException(GREMLIN_SERVER_MESSAGE, GremlinFailure.of(
                new NereidException(ErrorCode.MALFORMED_QUERY, message)).response(context.getRequestMessage()));
    }

    /**
     * Why the translation failed, found by translating again: Gremlin Server keeps only the translator's
     * message, which for a step that refuses its arguments is {@code "null: .range(Long, Long)"}, the
     * step's own exception being the cause. Done only for a request that already failed.
     */
    private static Optional<String> why(Context context) {
        Map<String, Object> args = context.getRequestMessage().getArgs();
        if (!(args.get(Tokens.ARGS_GREMLIN) instanceof Bytecode bytecode)
                || !(args.get(Tokens.ARGS_ALIASES) instanceof Map<?, ?> aliases)) {
            return Optional.empty();
        }
        TraversalSource g = context.getGraphManager().getTraversalSource(String.valueOf(aliases.get("g")));
        if (g == null) {
            return Optional.empty();
        }
        try {
            JavaTranslator.of(g).translate(bytecode);
            return Optional.empty();
        } catch (RuntimeException | StackOverflowError failure) {
            return Optional.of(describe(failure));
        }
    }

    /** The innermost cause's message (the step's own words), else the translator's, which names the step. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root.getMessage() != null && !root.getMessage().isBlank()) {
            return root.getMessage();
        }
        String translator = String.valueOf(failure.getMessage());
        return translator.startsWith("null:") ? root.getClass().getSimpleName() + translator.substring("null".length())
                : translator;
    }
}
