package dev.todoapp.todo.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.todoapp.common.Text;
import dev.todoapp.todo.TodoLimits;

/**
 * Named schemas for the OpenAPI where an annotation cannot reach: the element type of a list
 * (MicroProfile's {@code @Schema} is no type-use annotation). Never instantiated.
 */
final class TodoSchemas {

    private TodoSchemas() {
    }

    /** Priority's API names (a test holds them equal to {@code Priority.apiName()}). */
    @Schema(name = "Priority", type = SchemaType.STRING)
    @SuppressWarnings("unused")
    enum PriorityName { none, low, medium, high }

    @Schema(name = "Weekday", type = SchemaType.STRING)
    @SuppressWarnings("unused")
    enum Weekday { mo, tu, we, th, fr, sa, su }

    @Schema(name = "Tag", type = SchemaType.STRING, minLength = 1, maxLength = TodoLimits.TAG_MAX,
            pattern = Text.SINGLE_LINE_NOT_BLANK, description = "trimmed")
    static final class Tag {
        private Tag() {
        }
    }
}
