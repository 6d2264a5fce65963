package dev.todoapp.todo.repository;

public record CategoryCount(String name, long count) {
}
