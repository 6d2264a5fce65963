package dev.todoapp.http;

/** Small guards shared by resources. */
public final class Requests {

    private Requests() {
    }

    /** A route that needs a JSON body got none (or {@code null}). */
    public static <T> T body(T body) {
        if (body == null) {
            throw new ApiException(400, "malformed_request", "Malformed request", "A JSON body is required");
        }
        return body;
    }
}
