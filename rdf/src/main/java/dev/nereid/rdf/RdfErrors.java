package dev.nereid.rdf;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.shared.JenaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a failed SPARQL request tells its client, in Neptune's terms (spec §4): a request ARQ cannot
 * parse or evaluate is MalformedQueryException, one stopped at its time limit TimeLimitExceededException;
 * anything unexpected is an InternalFailureException that
 * names nothing internal, logged here.
 */
final class RdfErrors {

    private static final Logger LOG = LoggerFactory.getLogger(RdfErrors.class);

    private RdfErrors() {
    }

    static NereidException from(Throwable failure) {
        if (failure instanceof NereidException n) {
            return n;
        }
        if (failure instanceof OutOfMemoryError) {
            LOG.warn("a SPARQL request ran out of memory; it was undone");
            return new NereidException(ErrorCode.MEMORY_LIMIT_EXCEEDED,
                    "Query cannot be completed due to memory limitations.");
        }
        if (failure instanceof QueryCancelledException) {
            return NereidException.timeLimitExceeded();
        }
        if (failure instanceof QueryException || failure instanceof JenaException) {
            return new NereidException(ErrorCode.MALFORMED_QUERY, failure.getMessage());
        }
        LOG.error("SPARQL request failed unexpectedly", failure);
        return new NereidException(ErrorCode.INTERNAL_FAILURE, "Internal failure");
    }
}
