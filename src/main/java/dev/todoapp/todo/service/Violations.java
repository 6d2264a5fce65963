package dev.todoapp.todo.service;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.todoapp.common.DomainException;
import dev.todoapp.common.ErrorCode;
import dev.todoapp.common.FieldError;

/** Collects every broken rule of one request, so a form can show all of them at once. */
final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(error -> error.field() + " " + error.message())
                    .collect(Collectors.joining("; "));
            throw new DomainException(ErrorCode.VALIDATION_FAILED, detail, List.copyOf(errors));
        }
    }

    /** A value of the wrong JSON type is a malformed request (400), not a broken rule. */
    static DomainException wrongType(String field) {
        return new DomainException(ErrorCode.MALFORMED_REQUEST, field + " has the wrong type",
                List.of(new FieldError(field, "has the wrong type")));
    }
}
