package dev.todoapp.todo.rest;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Exactly one of the two: the todo to place the moved one directly before, or directly after. */
@RegisterForReflection
public record MoveRequest(UUID beforeId, UUID afterId) {
}
