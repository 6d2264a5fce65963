package dev.todoapp.todo.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.todoapp.todo.Recurrence;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A todo's recurrence as the API shows and takes it. */
@RegisterForReflection
@Schema(name = "Recurrence", description = "How a todo repeats; computed in the user's time zone (docs/api.md)."
        + " byWeekday only for weekly; interval defaults to 1.")
public record RecurrenceBody(
        @Schema(required = true, enumeration = {"daily", "weekly", "monthly", "yearly"}) String freq,
        @Schema(minimum = "1", maximum = "" + Recurrence.INTERVAL_MAX, defaultValue = "1", nullable = true,
                description = "null or absent: 1") int interval,
        @Schema(type = SchemaType.ARRAY, implementation = TodoSchemas.Weekday.class, uniqueItems = true, nullable = true,
                description = "null or absent: none")
        List<String> byWeekday) {

    static RecurrenceBody of(Recurrence recurrence) {
        return recurrence == null ? null
                : new RecurrenceBody(recurrence.freq().apiName(), recurrence.interval(), recurrence.weekdayNames());
    }
}
