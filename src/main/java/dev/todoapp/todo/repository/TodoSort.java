package dev.todoapp.todo.repository;

import dev.todoapp.todo.ApiNamed;

/** The orders a list can have; each ends with the id so pages never overlap or skip. */
public enum TodoSort implements ApiNamed {
    POSITION("position", "position"),
    CREATED_AT("createdAt", "createdAt"),
    UPDATED_AT("updatedAt", "updatedAt"),
    // todos without a due date come last in both directions: they are the least urgent
    DUE_AT("dueAt", "dueAt %s nulls last"),
    PRIORITY("priority", "priority"),
    TITLE("title", "lower(title)");

    private final String apiName;
    private final String expression;

    TodoSort(String apiName, String expression) {
        this.apiName = apiName;
        this.expression = expression;
    }

    @Override
    public String apiName() {
        return apiName;
    }

    String orderBy(boolean descending) {
        String direction = descending ? "desc" : "asc";
        String key = expression.contains("%s") ? expression.formatted(direction) : expression + " " + direction;
        return key + ", id " + direction;
    }
}
