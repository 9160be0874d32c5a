package dev.nereid.client;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Adds authentication headers to a GET before it is sent, e.g. SigV4 for Neptune with IAM
 * authentication ({@link dev.nereid.client.aws.SigV4Signer}).
 */
@FunctionalInterface
public interface RequestSigner {

    /**
     * @param uri     the full request URI, query included
     * @param headers the headers the request will carry besides {@code Host}, which is the URI's authority
     * @return the headers to add
     */
    Map<String, List<String>> sign(URI uri, Map<String, List<String>> headers);
}
