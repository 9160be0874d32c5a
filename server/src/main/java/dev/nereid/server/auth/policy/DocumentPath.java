package dev.nereid.server.auth.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.regex.Pattern;

/**
 * Where a value sits in a JSON document, written as people read it: {@code principals[1].policies[0].Effect}.
 * A field whose name would make that ambiguous is written in brackets: {@code Condition.StringEquals[""]}.
 *
 * @param text the path; empty for the document's top level
 */
public record DocumentPath(String text) {
    public static final DocumentPath ROOT = new DocumentPath("");

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_:/*-]+");

    public DocumentPath field(String name) {
        if (!PLAIN_NAME.matcher(name).matches()) {
            return new DocumentPath(text + "[" + TextNode.valueOf(name) + "]");
        }
        return new DocumentPath(text.isEmpty() ? name : text + "." + name);
    }

    public DocumentPath index(int index) {
        return new DocumentPath(text + "[" + index + "]");
    }

    /** @param problem what is wrong, read after the path, e.g. {@code "is required"} */
    public InvalidDocumentException problem(String problem) {
        return new InvalidDocumentException(this + " " + problem);
    }

    /** @param expectation what the value must be, e.g. {@code "a non-blank string"} */
    public InvalidDocumentException expected(String expectation, JsonNode was) {
        return problem("must be " + expectation + ", was " + describe(was));
    }

    /** A value as an error message shows it: scalars as JSON, arrays and objects by kind, not by content. */
    public static String describe(JsonNode value) {
        if (value.isArray()) {
            return value.isEmpty() ? "[]" : "an array";
        }
        if (value.isObject()) {
            return value.isEmpty() ? "{}" : "an object";
        }
        return value.toString();
    }

    @Override
    public String toString() {
        return text.isEmpty() ? "the top level" : text;
    }
}
