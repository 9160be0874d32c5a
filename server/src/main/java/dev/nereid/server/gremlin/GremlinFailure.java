package dev.nereid.server.gremlin;

import dev.nereid.graph.gremlin.GremlinErrors;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import java.util.List;
import java.util.Optional;
import org.apache.tinkerpop.gremlin.process.traversal.util.TraversalInterruptedException;
import org.apache.tinkerpop.gremlin.structure.util.TemporaryException;
import org.apache.tinkerpop.gremlin.util.Tokens;
import org.apache.tinkerpop.gremlin.util.message.RequestMessage;
import org.apache.tinkerpop.gremlin.util.message.ResponseMessage;
import org.apache.tinkerpop.gremlin.util.message.ResponseStatus;
import org.apache.tinkerpop.gremlin.util.message.ResponseStatusCode;

/**
 * A failed Gremlin request already in Neptune's terms ({@link GremlinErrors}), in the one form that
 * survives Gremlin Server's error handling with its {@link ErrorCode}.
 *
 * <p>Gremlin Server turns a failure into a response message in many places, and each keeps only a
 * message and the class names of the exception chain, so a {@link NereidException} arrives at the wire
 * without its code. Most of those places look through the chain for a {@link TemporaryException} and
 * answer with that exception's own message, its class name first in the {@code exceptions} attribute;
 * the others answer with the message of the exception they caught, which is this one wherever Nereid
 * throws it. So this exception is a TemporaryException whose message is the code and the detailed
 * message, and {@link NeptuneErrorEncoder} reads them back from the response (replacing the status code
 * 596 that TinkerPop gives temporary failures). It has no cause: Gremlin Server's script executor
 * reports a failure's root cause, which must be this. (A failure that is not converted would, in a
 * script, reach a branch of Gremlin Server that needs Groovy, and its client would get no answer.)
 *
 * <p>Failures are converted where they happen: in the script engine, while results are iterated and
 * committed, in verification strategies and in session commits (see the op processors here).
 */
final class GremlinFailure extends RuntimeException implements TemporaryException {
    private static final long serialVersionUID = 1L;
    private static final String SEPARATOR = ": ";

    private GremlinFailure(NereidException e) {
        super(e.errorCode().name() + SEPARATOR + e.detailedMessage(), null, false, false);
    }

    /** The failure in Neptune's terms; one already converted, anywhere in the chain, is kept as it is. */
    static GremlinFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof GremlinFailure converted) {
                return converted;
            }
        }
        return new GremlinFailure(GremlinErrors.from(failure));
    }

    /**
     * What to throw instead of {@code failure}: its conversion, except for an interruption, which passes
     * unchanged: that is how Gremlin Server's evaluation timeout stops a request, and it answers those itself.
     */
    static RuntimeException converted(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof TraversalInterruptedException) {
                return failure instanceof RuntimeException r ? r : new TraversalInterruptedException();
            }
        }
        return of(failure);
    }

    /** Runs {@code work}, throwing what fails in it {@link #converted}. */
    static void converting(Work work) throws InterruptedException {
        try {
            work.run();
        } catch (RuntimeException | StackOverflowError e) {
            throw converted(e);
        }
    }

    /** An action that may be interrupted. */
    @FunctionalInterface
    interface Work {
        void run() throws InterruptedException;
    }

    /** The response Gremlin Server itself would build for this failure. */
    ResponseMessage response(RequestMessage request) {
        return ResponseMessage.build(request).code(ResponseStatusCode.SERVER_ERROR_TEMPORARY)
                .statusMessage(getMessage()).statusAttributeException(this).create();
    }

    /** The failure a response carries, if Gremlin Server built it from one of these. */
    static Optional<NereidException> readFrom(ResponseStatus status) {
        Object exceptions = status.getAttributes().get(Tokens.STATUS_ATTRIBUTE_EXCEPTIONS);
        String message = status.getMessage();
        if (!(exceptions instanceof List<?> names) || names.isEmpty()
                || !GremlinFailure.class.getName().equals(names.get(0)) || message == null) {
            return Optional.empty();
        }
        int separator = message.indexOf(SEPARATOR);
        if (separator < 0) {
            return Optional.empty();
        }
        return Optional.of(new NereidException(ErrorCode.valueOf(message.substring(0, separator)),
                message.substring(separator + SEPARATOR.length())));
    }
}
