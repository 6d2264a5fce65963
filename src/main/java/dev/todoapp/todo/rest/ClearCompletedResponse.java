package dev.todoapp.todo.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record ClearCompletedResponse(long deleted) {
}
