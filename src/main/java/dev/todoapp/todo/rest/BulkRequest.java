package dev.todoapp.todo.rest;

import java.util.List;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record BulkRequest(String action, List<UUID> ids) {
}
