package dev.todoapp.common;

import java.util.List;

/**
 * A failure the client caused or must know about, in the domain's words: a stable code, a detail, the
 * broken fields and, when waiting helps, how long. Services throw these; http/ProblemMappers turns them
 * into problem+json with the status of the code, so neither services nor resources deal in statuses.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldError> errors;
    private final Long retryAfterSeconds;

    public DomainException(ErrorCode code, String detail) {
        this(code, detail, List.of(), null);
    }

    public DomainException(ErrorCode code, String detail, List<FieldError> errors) {
        this(code, detail, errors, null);
    }

    private DomainException(ErrorCode code, String detail, List<FieldError> errors, Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.code = code;
        this.errors = errors;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static DomainException validation(String field, String message) {
        return new DomainException(ErrorCode.VALIDATION_FAILED, field + " " + message, List.of(new FieldError(field, message)));
    }

    public static DomainException notFound(String what) {
        return new DomainException(ErrorCode.NOT_FOUND, what + " was not found");
    }

    /** A refusal that lifts by itself after {@code seconds}. */
    public static DomainException retryAfter(ErrorCode code, String detail, long seconds) {
        return new DomainException(code, detail, List.of(), seconds);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Null when retrying sooner or later makes no difference. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
