package dev.todoapp.todo.rest;

import java.util.List;

import dev.todoapp.todo.repository.TodoPage;
import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record TodoPageResponse(List<TodoResponse> items, int page, int size, long totalItems, long totalPages) {

    static TodoPageResponse of(TodoPage page) {
        return new TodoPageResponse(page.items().stream().map(TodoResponse::of).toList(), page.page(), page.size(),
                page.totalItems(), page.totalPages());
    }
}
