package dev.nereid.server.auth.policy;

/**
 * A JSON document (an auth config or a policy in it) that is not shaped as Nereid requires. The message
 * starts with the JSON path of what is wrong, so the person who wrote the file can go straight to it.
 */
public final class InvalidDocumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidDocumentException(String message) {
        super(message);
    }
}
