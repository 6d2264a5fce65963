package dev.todoapp.todo.repository;

import java.util.Locale;

import dev.todoapp.todo.ApiNamed;

public enum TodoStatus implements ApiNamed {
    ALL, ACTIVE, COMPLETED;

    @Override
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
