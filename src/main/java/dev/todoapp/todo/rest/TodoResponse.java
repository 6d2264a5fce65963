package dev.todoapp.todo.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.todoapp.todo.Todo;
import dev.todoapp.todo.TodoLimits;
import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record TodoResponse(UUID id,
                           @Schema(minLength = 1, maxLength = TodoLimits.TITLE_MAX) String title,
                           @Schema(nullable = true, maxLength = TodoLimits.DESCRIPTION_MAX) String description,
                           boolean completed,
                           @Schema(nullable = true) Instant completedAt,
                           @Schema(type = SchemaType.STRING, implementation = TodoSchemas.PriorityName.class) String priority,
                           @Schema(nullable = true, maxLength = TodoLimits.CATEGORY_MAX) String category,
                           @Schema(type = SchemaType.ARRAY, implementation = TodoSchemas.Tag.class, maxItems = TodoLimits.TAGS_MAX)
                           List<String> tags,
                           @Schema(nullable = true) Instant dueAt,
                           @Schema(nullable = true, description = "when the reminder email goes out") Instant remindAt,
                           @Schema(nullable = true) RecurrenceBody recurrence,
                           long position, Instant createdAt, Instant updatedAt, long version,
                           @Schema(nullable = true, description = "only in the answer of the request that completed a"
                                   + " recurring todo: the occurrence that completion created")
                           TodoResponse nextOccurrence) {

    static TodoResponse of(Todo todo) {
        return of(todo, null);
    }

    static TodoResponse of(Todo todo, Todo nextOccurrence) {
        return new TodoResponse(todo.getId(), todo.getTitle(), todo.getDescription(), todo.isCompleted(),
                todo.getCompletedAt(), todo.getPriority().apiName(), todo.getCategory(), todo.getTags(),
                todo.getDueAt(), todo.getRemindAt(), RecurrenceBody.of(todo.getRecurrence()), todo.getPosition(),
                todo.getCreatedAt(), todo.getUpdatedAt(), todo.getVersion(),
                nextOccurrence == null ? null : of(nextOccurrence, null));
    }
}
