package dev.nereid.server.auth.sigv4;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code SignedHeaders} list of an Authorization header: which headers the signature covers, in the order
 * the canonical request lists them.
 */
record SignedHeaders(List<String> names) {
    static final String HOST = "host";
    static final String SECURITY_TOKEN = "x-amz-security-token";

    static SignedHeaders parse(String list) throws RequestRejected {
        if (list.isEmpty()) {
            throw new RequestRejected("SignedHeaders is empty");
        }
        List<String> names = List.of(list.split(";", -1));
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name.isEmpty()) {
                throw new RequestRejected("SignedHeaders " + LogText.quote(list) + " has an empty name");
            }
            if (!name.equals(name.toLowerCase(Locale.ROOT))) {
                throw new RequestRejected("SignedHeaders names " + LogText.quote(name) + ", which is not lower case");
            }
            if (!seen.add(name)) {
                throw new RequestRejected("SignedHeaders names " + LogText.quote(name) + " twice");
            }
        }
        return new SignedHeaders(names);
    }

    /**
     * The headers whose values must not change unnoticed are signed: {@code host}, the one carrying the request
     * time, and a session token; and every signed header is in the request.
     */
    void requireCoverage(RequestHeaders headers, RequestTime time) throws RequestRejected {
        if (!names.contains(HOST)) {
            throw new RequestRejected("SignedHeaders " + LogText.quote(text()) + " does not include host");
        }
        if (!names.contains(time.header())) {
            throw new RequestRejected("SignedHeaders " + LogText.quote(text()) + " does not include " + time.header()
                    + ", which carries the request time");
        }
        if (headers.has(SECURITY_TOKEN) && !names.contains(SECURITY_TOKEN)) {
            throw new RequestRejected("the request carries x-amz-security-token but SignedHeaders "
                    + LogText.quote(text()) + " does not include it");
        }
        for (String name : names) {
            if (!headers.has(name)) {
                throw new RequestRejected("signed header " + LogText.quote(name) + " is not in the request");
            }
        }
    }

    /**
     * Each signed header as {@code name:values}, in the listed order: every occurrence's value trimmed, runs of
     * whitespace inside collapsed to one space, occurrences joined with ','.
     */
    String canonicalHeaders(RequestHeaders headers) {
        StringBuilder out = new StringBuilder(256);
        for (String name : names) {
            out.append(name).append(':');
            List<String> values = headers.all(name);
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendTrimmedAndCollapsed(out, values.get(i));
            }
            out.append('\n');
        }
        return out.toString();
    }

    String text() {
        return String.join(";", names);
    }

    private static void appendTrimmedAndCollapsed(StringBuilder out, String value) {
        boolean pendingSpace = false;
        boolean any = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isWhitespace(c)) {
                pendingSpace = any;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
                any = true;
            }
        }
    }

    /** The characters the AWS SDK for Java trims and collapses. */
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\r' || c == '\f';
    }
}
