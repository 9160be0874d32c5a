package dev.nereid.server.sparql;

import dev.nereid.rdf.RdfStore;
import dev.nereid.rdf.SparqlNesting;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.resultset.ResultsWriter;

/**
 * One SPARQL query, read and answered: parsed as standard SPARQL 1.1, Neptune's language, so a query
 * that works here does not lean on ARQ's extensions; run in one read transaction over Neptune's dataset
 * view; and written whole by Jena's writers inside that transaction, since its results are lazy views of
 * the data. The query timeout is ARQ's own, which the evaluation checks as it goes. {@code SERVICE} is
 * refused: ARQ would fetch any URL a client names, from wherever the server runs.
 *
 * @param query  the parsed query
 * @param format the language it answers in
 */
record SparqlQuery(Query query, Lang format) {
    static final String SERVICE_REFUSED = "SERVICE (federated query) is not supported";

    /**
     * Parses and picks the answer's format; a request that cannot be parsed, or nests too deeply to be
     * turned into algebra safely ({@link SparqlNesting}), is a MalformedQueryException.
     */
    static SparqlQuery parse(String text, String accept) {
        SparqlNesting.check(text, "query");
        Query query;
        try {
            query = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (QueryException e) {
            // Jena's parser recurses once per triple of a block: a huge one overflows the worker's stack,
            // which Jena reports as a parse error without a message.
            throw new NereidException(ErrorCode.MALFORMED_QUERY, e.getCause() instanceof StackOverflowError
                    ? "The query is nested or repeated too deeply to parse" : e.getMessage());
        }
        SparqlFormats formats = query.isConstructType() || query.isDescribeType()
                ? SparqlFormats.GRAPHS : SparqlFormats.RESULTS;
        return new SparqlQuery(query, formats.forAccept(accept));
    }

    /** The answer's bytes, in {@link #format}. */
    byte[] run(RdfStore rdf, Duration timeout) {
        try {
            return rdf.read(dataset -> write(dataset, timeout));
        } catch (QueryCancelledException e) {
            throw NereidException.timeLimitExceeded();
        } catch (QueryDeniedException e) {
            throw new NereidException(ErrorCode.UNSUPPORTED_OPERATION, SERVICE_REFUSED);
        } catch (QueryException e) {
            throw new NereidException(ErrorCode.MALFORMED_QUERY, e.getMessage());
        }
    }

    private byte[] write(DatasetGraph dataset, Duration timeout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (QueryExec exec = QueryExec.dataset(dataset).query(query)
                .set(ARQ.httpServiceAllowed, false)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build()) {
            if (query.isSelectType()) {
                ResultsWriter.create().lang(format).write(out, exec.select());
            } else if (query.isAskType()) {
                ResultsWriter.create().lang(format).write(out, exec.ask());
            } else {
                Graph graph = query.isConstructType() ? exec.construct() : exec.describe();
                try {
                    RDFWriter.source(graph).lang(format).output(out);
                } catch (org.apache.jena.shared.InvalidPropertyURIException | org.apache.jena.irix.IRIException e) {
                    // RDF/XML cannot write a predicate whose IRI does not end in an XML name (e.g. .../fuzz/1), nor
                    // declare a namespace that is no valid IRI (SPARQL's grammar takes <\uFFFDttp://e/p>): the
                    // client's choice of format, not the server, is at fault, and another format works.
                    throw new NereidException(ErrorCode.BAD_REQUEST, "The result cannot be written as "
                            + format.getName() + ": " + e.getMessage() + "; ask for another format, such as Turtle");
                }
            }
        }
        return out.toByteArray();
    }
}
