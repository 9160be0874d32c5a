package dev.nereid.graph.cypher;

import dev.nereid.graph.gremlin.GremlinErrors;
import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import org.opencypher.gremlin.translation.exception.ConstraintException;
import org.opencypher.v9_0.util.CypherException;

/**
 * What a failed openCypher request tells its client. Parse and semantic errors are
 * MalformedQueryException; clauses and functions the translator lacks are UnsupportedOperationException;
 * a DELETE of a node that still has relationships is ConstraintViolationException; anything raised while
 * the traversal runs or commits is mapped as for Gremlin.
 */
final class CypherErrors {

    private CypherErrors() {
    }

    static NereidException from(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NereidException n) {
                return n;
            }
            if (t instanceof CypherException c) {
                return new NereidException(ErrorCode.MALFORMED_QUERY, syntaxMessage(c));
            }
            if (t instanceof org.opencypher.gremlin.translation.exception.SyntaxException) {
                return new NereidException(ErrorCode.MALFORMED_QUERY, t.getMessage());
            }
            if (t instanceof ConstraintException) {
                return new NereidException(ErrorCode.CONSTRAINT_VIOLATION, t.getMessage());
            }
            if (t instanceof org.opencypher.gremlin.translation.exception.TypeException
                    || t instanceof org.opencypher.gremlin.translation.exception.ArgumentException
                    || t instanceof org.opencypher.gremlin.translation.exception.EntityNotFound) {
                return new NereidException(ErrorCode.MALFORMED_QUERY, t.getMessage());
            }
        }
        return GremlinErrors.from(failure);
    }

    /**
     * Translation-time refusals: the translator names what it does not support, followed by the clause's
     * syntax tree ({@code Unsupported clause: LoadCSV(false,StringLiteral(x),…)}); the name is enough.
     */
    static NereidException unsupported(RuntimeException e) {
        String message = e.getMessage() == null ? "Unsupported openCypher feature" : e.getMessage();
        int tree = message.indexOf('(');
        return new NereidException(ErrorCode.UNSUPPORTED_OPERATION, tree > 0 ? message.substring(0, tree) : message);
    }

    static NereidException unsupportedPredicate() {
        return new NereidException(ErrorCode.UNSUPPORTED_OPERATION,
                "Unsupported openCypher expression: regular-expression matches (=~) and path functions "
                        + "(length, nodes, relationships of a path) are not supported");
    }

    /**
     * The front end's message up to its position, {@code … (line 1, column 45 (offset: 44))}, without the
     * copy of the query and the caret it draws under it for terminals.
     */
    static String syntaxMessage(CypherException e) {
        String message = e.getMessage() == null ? "Invalid openCypher query" : e.getMessage();
        int at = message.indexOf(" (line ");
        int offset = at < 0 ? -1 : message.indexOf("(offset: ", at);
        int end = offset < 0 ? -1 : message.indexOf("))", offset);
        return end > 0 ? message.substring(0, end + 2) : message.lines().findFirst().orElse(message).trim();
    }
}
