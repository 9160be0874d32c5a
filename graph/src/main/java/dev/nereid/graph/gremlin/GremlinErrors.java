package dev.nereid.graph.gremlin;

import dev.nereid.graph.GraphErrors;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import org.apache.tinkerpop.gremlin.language.grammar.GremlinParserException;
import org.apache.tinkerpop.gremlin.language.grammar.VariableResolverException;
import org.apache.tinkerpop.gremlin.process.traversal.strategy.verification.VerificationException;
import org.apache.tinkerpop.gremlin.process.traversal.util.TraversalInterruptedException;
import org.apache.tinkerpop.gremlin.structure.util.TransactionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.script.ScriptException;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed Gremlin request tells its client, in Neptune's terms (spec §4, §9). The one place a
 * Throwable from parsing, running or committing a traversal becomes a {@link NereidException}; HTTP and
 * WebSocket both use it. Unexpected failures become an InternalFailureException that names nothing
 * internal; they are logged here.
 */
public final class GremlinErrors {

    private static final Logger LOG = LoggerFactory.getLogger(GremlinErrors.class);
    /** TinkerGraph's wording for any duplicate id; Nereid's addV never lets it through, so only addE can. */
    private static final String TINKER_DUPLICATE = "Vertex with id already exists: ";
    /** gremlin-lang's prefix for a script it cannot turn into a traversal. */
    static final String INTERPRET_FAILED = "Failed to interpret Gremlin query: ";
    private static final Pattern CAST = Pattern.compile("^class (\\S+) cannot be cast to class (\\S+)");

    private GremlinErrors() {
    }

    public static NereidException from(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NereidException n) {
                return n;
            }
            if (t instanceof GremlinParserException || t instanceof VerificationException) {
                return new NereidException(ErrorCode.MALFORMED_QUERY, t.getMessage());
            }
            if (t instanceof VariableResolverException) {
                // A name the grammar reads as a variable that the request does not bind: HTTP binds none,
                // so a misspelt token (singme for single) lands here. The script is wrong, as with a syntax
                // error, and the message names the variable.
                return new NereidException(ErrorCode.MALFORMED_QUERY, INTERPRET_FAILED + t.getMessage());
            }
            if (t instanceof TransactionException) {
                return GraphErrors.concurrentModification();
            }
            if (t instanceof IllegalArgumentException && t.getMessage() != null
                    && t.getMessage().startsWith(TINKER_DUPLICATE)) {
                return GraphErrors.edgeExists(t.getMessage().substring(TINKER_DUPLICATE.length()));
            }
            if (t instanceof ScriptException) {
                continue;
            }
            if (t instanceof TraversalInterruptedException || t instanceof InterruptedException) {
                return NereidException.timeLimitExceeded();
            }
            if (t instanceof NullPointerException && thrownByTinkerPop(t)) {
                // TinkerGraph makes a commit visible element by element; a traversal walking from an
                // element to a neighbour another commit just removed meets a null. A retry sees both.
                return GraphErrors.concurrentModification();
            }
            if (t instanceof ClassCastException && thrownByTinkerPop(t)) {
                // A step cast what the query gave it, e.g. the key in property(1,'x') or property(['k':1],'x').
                return new NereidException(ErrorCode.MALFORMED_QUERY,
                        "A step was given an argument of the wrong type" + castTypes(t.getMessage()));
            }
            if (t instanceof IllegalArgumentException || t instanceof IllegalStateException
                    || t instanceof NoSuchElementException || t instanceof UnsupportedOperationException) {
                // TinkerPop's way of saying the traversal asked for something impossible.
                return new NereidException(ErrorCode.MALFORMED_QUERY,
                        t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
            }
        }
        if (failure instanceof RuntimeException && translatingTheScript(failure)) {
            // The grammar accepted the text but TinkerPop could not build the step from what it read, e.g. an
            // empty last argument in property(single,'age',): the query is at fault, not the server.
            return new NereidException(ErrorCode.MALFORMED_QUERY,
                    INTERPRET_FAILED + "a step was given arguments it cannot take");
        }
        LOG.error("Gremlin request failed unexpectedly", failure);
        return new NereidException(ErrorCode.INTERNAL_FAILURE, "Internal failure");
    }

    /** Thrown while the grammar's visitors turned the text into steps, before anything ran. */
    private static boolean translatingTheScript(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith("org.apache.tinkerpop.gremlin.language.grammar.")) {
                return true;
            }
        }
        return false;
    }

    /** ": Integer where String was expected" from the JDK's "class java.lang.Integer cannot be cast to class ...". */
    private static String castTypes(String message) {
        Matcher m = CAST.matcher(message == null ? "" : message);
        return m.find() ? ": " + simpleName(m.group(1)) + " where " + simpleName(m.group(2)) + " was expected" : "";
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static boolean thrownByTinkerPop(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("org.apache.tinkerpop.");
    }
}
