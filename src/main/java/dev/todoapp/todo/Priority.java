package dev.todoapp.todo;

import java.util.Locale;
import java.util.Optional;

/** Stored as its ordinal (smallint 0..3), so sorting by priority orders none < low < medium < high. */
public enum Priority {
    NONE, LOW, MEDIUM, HIGH;

    /** The word the API uses: none, low, medium, high. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Priority> fromApiName(String name) {
        for (Priority priority : values()) {
            if (priority.apiName().equals(name)) {
                return Optional.of(priority);
            }
        }
        return Optional.empty();
    }
}
