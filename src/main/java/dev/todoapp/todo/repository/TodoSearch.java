package dev.todoapp.todo.repository;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import dev.todoapp.todo.Priority;

/**
 * A checked list query: null means "no filter". {@code text} is matched case-insensitively
 * as a plain substring of title or description.
 */
public record TodoSearch(UUID userId, TodoStatus status, Set<Priority> priorities, String category, String tag,
                         String text, Instant dueBefore, Instant dueAfter, TodoSort sort, boolean descending,
                         int page, int size) {

    int offset() {
        return page * size;
    }
}
