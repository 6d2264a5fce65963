package dev.todoapp.common;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document; {@code code} is the stable word clients switch on. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code,
                      List<FieldError> errors, String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://todo.example/problems/";

    public static Problem of(int status, ErrorCode code, String detail, List<FieldError> errors, String requestId) {
        return new Problem(TYPE_BASE + code.code().replace('_', '-'), code.title(), status, detail, code.code(),
                errors == null || errors.isEmpty() ? null : errors, requestId);
    }
}
