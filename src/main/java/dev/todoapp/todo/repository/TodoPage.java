package dev.todoapp.todo.repository;

import java.util.List;

import dev.todoapp.todo.Todo;

public record TodoPage(List<Todo> items, int page, int size, long totalItems) {

    public long totalPages() {
        return (totalItems + size - 1) / size;
    }
}
