package dev.todoapp.todo.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.todoapp.http.ApiException;
import dev.todoapp.http.Problem;

/** Collects every broken rule of one request, so a form can show all of them at once. */
final class Violations {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(error -> error.field() + " " + error.message())
                    .collect(Collectors.joining("; "));
            throw new ApiException(422, "validation_failed", "Invalid request", detail, List.copyOf(errors), Map.of());
        }
    }

    /** A value of the wrong JSON type is a malformed request (400), not a broken rule. */
    static ApiException wrongType(String field) {
        return new ApiException(400, "malformed_request", "Malformed request", field + " has the wrong type",
                List.of(new Problem.FieldError(field, "has the wrong type")), Map.of());
    }
}
