package dev.nereid.server.auth.sigv4;

import java.util.ArrayList;
import java.util.List;

/**
 * The request target (path and query) as received, with the canonical forms a signer may have signed it in.
 *
 * @param canonicalUris    the path as AWS SDKs sign it first, then as signers that encode once do, if different
 * @param query            the query with '+' read as itself
 * @param canonicalQueries the query's canonical text with '+' as itself first, then, if the query has a '+',
 *                         with '+' as a space
 */
record RequestTarget(List<String> canonicalUris, CanonicalQuery query, List<String> canonicalQueries) {

    static RequestTarget parse(String rawUri) throws RequestRejected {
        int question = rawUri.indexOf('?');
        String path = question < 0 ? rawUri : rawUri.substring(0, question);
        String rawQuery = question < 0 ? "" : rawUri.substring(question + 1);
        if (path.isEmpty()) {
            path = "/";
        }
        if (!path.startsWith("/")) {
            throw new RequestRejected("request target " + LogText.quote(rawUri)
                    + " does not start with '/'; only origin-form targets can be verified");
        }
        List<String> uris = new ArrayList<>(2);
        uris.add(CanonicalUri.encodedTwice(path));
        CanonicalUri.encodedOnce(path).filter(once -> !once.equals(uris.get(0))).ifPresent(uris::add);

        CanonicalQuery query = CanonicalQuery.parse(rawQuery, false);
        List<String> queries = new ArrayList<>(2);
        queries.add(query.text());
        // The AWS SDK for Java reads '+' in a URI it is given as a space (java.net.URLDecoder), and a client that
        // signs a URI through it but sends the URI itself, as Nereid's own client does, puts '+' on the wire.
        if (rawQuery.indexOf('+') >= 0) {
            String plusAsSpace = CanonicalQuery.parse(rawQuery, true).text();
            if (!plusAsSpace.equals(queries.get(0))) {
                queries.add(plusAsSpace);
            }
        }
        return new RequestTarget(List.copyOf(uris), query, List.copyOf(queries));
    }
}
