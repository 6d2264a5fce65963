package dev.todoapp.todo.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Exactly one of the two: the todo to place the moved one directly before, or directly after. */
@RegisterForReflection
@Schema(description = "Exactly one of beforeId and afterId, naming another todo of the same user",
        minProperties = 1, maxProperties = 1)
public record MoveRequest(UUID beforeId, UUID afterId) {
}
