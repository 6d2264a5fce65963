package dev.todoapp.http;

import java.util.List;
import java.util.Map;

/**
 * A failure the client caused or must know about, answered as problem+json. Services throw these;
 * the mapper turns them into responses, so resources stay free of error plumbing.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;

    public ApiException(int status, String code, String title, String detail) {
        this(status, code, title, detail, List.of(), Map.of());
    }

    public ApiException(int status, String code, String title, String detail,
                        List<Problem.FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = errors;
        this.headers = headers;
    }

    public static ApiException validation(String field, String message) {
        return new ApiException(422, "validation_failed", "Invalid request", field + " " + message,
                List.of(new Problem.FieldError(field, message)), Map.of());
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", "Not found", what + " was not found");
    }

    public static ApiException unauthorized(String code, String detail) {
        return new ApiException(401, code, "Unauthorized", detail, List.of(), Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ApiException tooManyRequests(long retryAfterSeconds) {
        return new ApiException(429, "rate_limited", "Too many requests",
                "Too many attempts; try again in " + retryAfterSeconds + " seconds",
                List.of(), Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
