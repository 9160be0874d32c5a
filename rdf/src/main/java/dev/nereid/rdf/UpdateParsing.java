package dev.nereid.rdf;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Parses an update as strict SPARQL 1.1 (Jena's extensions are refused, as on Neptune).
 *
 * <p>The SPARQL 1.1 grammar reads a block of triples recursively — one level per triple — so Jena's
 * parser needs about 150 bytes of stack per triple: a 1,000,000-triple {@code INSERT DATA} needs some
 * 200 MB. A large request is therefore parsed on a thread of its own with a stack sized to the text
 * (reserved address space; only what the parse touches is used, and it is freed with the thread).
 * Small requests, the usual case, are parsed where they arrive. Nesting, unlike repetition, is bounded
 * before any of this ({@link SparqlNesting}): what runs after the parse recurses once per level on the
 * writer's own stack.
 */
final class UpdateParsing {

    /** Requests up to this many characters (some 1,000 triples) parse on the caller's stack. */
    private static final int INLINE_CHARS = 16 * 1024;
    private static final long STACK_BYTES_PER_CHAR = 16;
    private static final long MIN_STACK = 64L << 20;
    private static final long MAX_STACK = 2L << 30;

    private UpdateParsing() {
    }

    static UpdateRequest parse(String text) {
        SparqlNesting.check(text, "update");
        if (text.length() <= INLINE_CHARS) {
            return parseHere(text);
        }
        AtomicReference<Object> outcome = new AtomicReference<>();
        long stack = Math.min(MAX_STACK, Math.max(MIN_STACK, text.length() * STACK_BYTES_PER_CHAR));
        Thread parser = new Thread(null, () -> {
            try {
                outcome.set(parseHere(text));
            } catch (RuntimeException | OutOfMemoryError e) {
                outcome.set(e);
            }
        }, "sparql-update-parser", stack);
        parser.start();
        try {
            parser.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NereidException(ErrorCode.INTERNAL_FAILURE, "Internal failure");
        }
        if (outcome.get() instanceof UpdateRequest parsed) {
            return parsed;
        }
        if (outcome.get() instanceof RuntimeException e) {
            throw e;
        }
        throw RdfErrors.from((Throwable) outcome.get());
    }

    private static UpdateRequest parseHere(String text) {
        try {
            return UpdateFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (OutOfMemoryError e) {
            throw RdfErrors.from(e);
        } catch (QueryException e) {
            // Jena reports most parse errors as a QueryParseException, but an undeclared prefix as a
            // QueryException wrapping one: both are the update's fault, told in Jena's words with their position.
            if (e.getCause() instanceof StackOverflowError || e.getCause() instanceof QueryParseException p
                    && p.getCause() instanceof StackOverflowError) {
                throw new NereidException(ErrorCode.MALFORMED_QUERY, "The update is nested or repeated too deeply to parse");
            }
            throw new NereidException(ErrorCode.MALFORMED_QUERY, e.getMessage());
        }
    }
}
