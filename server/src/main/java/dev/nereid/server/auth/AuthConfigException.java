package dev.nereid.server.auth;

/** An auth config file that cannot be used; the message names the file and what is wrong with it. */
public final class AuthConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param source  the file, as the user named it
     * @param problem what is wrong, usually starting with a JSON path
     */
    public AuthConfigException(String source, String problem) {
        super("auth config " + source + ": " + problem);
    }

    public AuthConfigException(String source, String problem, Throwable cause) {
        super("auth config " + source + ": " + problem, cause);
    }
}
