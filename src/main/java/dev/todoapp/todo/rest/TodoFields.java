package dev.todoapp.todo.rest;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.todoapp.common.Text;
import dev.todoapp.todo.TodoLimits;

/**
 * The body of create and PATCH as OpenAPI shows it. The resource reads the body as a JSON tree
 * instead, because a PATCH must tell a field sent as null (clear it) from one left out (keep it).
 */
@Schema(name = "TodoFields", description = "Writable todo fields. On create, title is required; on PATCH any subset,"
        + " where null clears a nullable field and a missing field stays as it is. Tags are trimmed and duplicates dropped.")
public record TodoFields(
        @Schema(minLength = 1, maxLength = TodoLimits.TITLE_MAX, pattern = Text.SINGLE_LINE_NOT_BLANK, description = "trimmed")
        String title,
        @Schema(maxLength = TodoLimits.DESCRIPTION_MAX, pattern = Text.MULTILINE, nullable = true) String description,
        Boolean completed,
        @Schema(type = SchemaType.STRING, implementation = TodoSchemas.PriorityName.class) String priority,
        @Schema(maxLength = TodoLimits.CATEGORY_MAX, pattern = Text.SINGLE_LINE, nullable = true,
                description = "trimmed; blank means none") String category,
        @Schema(type = SchemaType.ARRAY, implementation = TodoSchemas.Tag.class, maxItems = TodoLimits.TAGS_MAX,
                description = "duplicates dropped") List<String> tags,
        @Schema(nullable = true, pattern = Text.TIMESTAMP, description = "ISO-8601 with offset") OffsetDateTime dueAt,
        @Schema(nullable = true, pattern = Text.TIMESTAMP, description = "ISO-8601 with offset; in the future when set"
                + " (the stored value sent back unchanged is accepted)") OffsetDateTime remindAt,
        @Schema(nullable = true, description = "needs dueAt") RecurrenceBody recurrence) {
}
