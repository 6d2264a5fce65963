package dev.todoapp.common;

/** One broken rule of a request, named by the field a client knows. */
public record FieldError(String field, String message) {
}
