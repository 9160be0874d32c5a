package dev.nereid.server.auth.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Policy documents for tests, written with single quotes so they read cleanly inside Java strings. */
final class PolicyJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyJson() {
    }

    static JsonNode tree(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad test JSON: " + singleQuoted, e);
        }
    }

    /** Parsed at the path {@code policy}, which error messages then start with. */
    static Policy parse(String singleQuoted) {
        return PolicyParser.parse(tree(singleQuoted), new DocumentPath("policy"));
    }
}
