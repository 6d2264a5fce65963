package dev.todoapp.http;

import dev.todoapp.common.DomainException;
import dev.todoapp.common.ErrorCode;

/** Small guards shared by resources. */
public final class Requests {

    private Requests() {
    }

    /** A route that needs a JSON body got none (or {@code null}). */
    public static <T> T body(T body) {
        if (body == null) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "A JSON body is required");
        }
        return body;
    }
}
