package dev.nereid.client;

import java.io.IOException;

/** A 200 whose body is not a stream page: cut short, not JSON, or missing a field a page must have. */
public final class MalformedPageException extends IOException {
    private static final long serialVersionUID = 1L;

    public MalformedPageException(String message) {
        super(message);
    }

    public MalformedPageException(String message, Throwable cause) {
        super(message, cause);
    }
}
