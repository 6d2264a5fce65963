package dev.todoapp.todo.repository;

import java.util.Locale;
import java.util.Optional;

public enum TodoStatus {
    ALL, ACTIVE, COMPLETED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TodoStatus> fromApiName(String name) {
        for (TodoStatus status : values()) {
            if (status.apiName().equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
