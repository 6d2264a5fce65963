package dev.todoapp.todo.rest;

import dev.todoapp.todo.repository.CategoryCount;
import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record CategoryResponse(String name, long count) {

    static CategoryResponse of(CategoryCount category) {
        return new CategoryResponse(category.name(), category.count());
    }
}
