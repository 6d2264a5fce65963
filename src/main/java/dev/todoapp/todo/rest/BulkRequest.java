package dev.todoapp.todo.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.todoapp.todo.TodoLimits;
import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record BulkRequest(
        @NotNull(message = "must be one of complete, uncomplete, delete")
        @Schema(enumeration = {"complete", "uncomplete", "delete"}) String action,
        @NotNull(message = "is required")
        @Size(max = TodoLimits.BULK_IDS_MAX, message = "must have at most " + TodoLimits.BULK_IDS_MAX + " ids")
        List<UUID> ids) {
}
