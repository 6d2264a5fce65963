package dev.todoapp.todo.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.todoapp.todo.Todo;
import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record TodoResponse(UUID id, String title, String description, boolean completed, Instant completedAt,
                           String priority, String category, List<String> tags, Instant dueAt, long position,
                           Instant createdAt, Instant updatedAt, long version) {

    static TodoResponse of(Todo todo) {
        return new TodoResponse(todo.getId(), todo.getTitle(), todo.getDescription(), todo.isCompleted(),
                todo.getCompletedAt(), todo.getPriority().apiName(), todo.getCategory(), todo.getTags(),
                todo.getDueAt(), todo.getPosition(), todo.getCreatedAt(), todo.getUpdatedAt(), todo.getVersion());
    }
}
