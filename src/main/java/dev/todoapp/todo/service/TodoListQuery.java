package dev.todoapp.todo.service;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.todoapp.common.Text;
import dev.todoapp.todo.ApiNamed;
import dev.todoapp.todo.Priority;
import dev.todoapp.todo.TodoLimits;
import dev.todoapp.todo.repository.TodoSearch;
import dev.todoapp.todo.repository.TodoSort;
import dev.todoapp.todo.repository.TodoStatus;

/**
 * The list query as it came in (raw strings, null when absent), checked by {@link #toSearch}.
 * A blank filter means no filter. {@code dueBefore}/{@code dueAfter} are exclusive and leave out
 * todos without a due date.
 */
public record TodoListQuery(String status, List<String> priority, String category, String tag, String q,
                            String dueBefore, String dueAfter, String sort, String order, String page, String size) {

    static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 100;
    /** So that page * size stays an int offset for every size. */
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;
    public static final int MAX_QUERY_LENGTH = 200;

    TodoSearch toSearch(UUID userId) {
        Violations violations = new Violations();
        TodoStatus checkedStatus = choice("status", status, TodoStatus.ALL, violations);
        Set<Priority> priorities = EnumSet.noneOf(Priority.class);
        for (String name : priority == null ? List.<String>of() : priority) {
            ApiNamed.byApiName(Priority.class, name.trim()).ifPresentOrElse(priorities::add,
                    () -> violations.add("priority", ApiNamed.oneOf(Priority.class)));
        }
        TodoSort checkedSort = choice("sort", sort, TodoSort.POSITION, violations);
        boolean descending = descending(order, violations);
        int checkedPage = number("page", page, 0, 0, MAX_PAGE, violations);
        int checkedSize = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, violations);
        TodoSearch search = new TodoSearch(userId, checkedStatus, priorities,
                filterText("category", category, TodoLimits.CATEGORY_MAX, violations),
                filterText("tag", tag, TodoLimits.TAG_MAX, violations),
                filterText("q", q, MAX_QUERY_LENGTH, violations),
                timestamp("dueBefore", dueBefore, violations), timestamp("dueAfter", dueAfter, violations),
                checkedSort, descending, checkedPage, checkedSize);
        violations.throwIfAny();
        return search;
    }

    private static <E extends Enum<E> & ApiNamed> E choice(String field, String value, E fallback, Violations violations) {
        if (value == null) {
            return fallback;
        }
        return ApiNamed.byApiName(fallback.getDeclaringClass(), value.trim()).orElseGet(() -> {
            violations.add(field, ApiNamed.oneOf(fallback.getDeclaringClass()));
            return fallback;
        });
    }

    private static boolean descending(String order, Violations violations) {
        String direction = order == null ? "asc" : order.trim();
        if (!direction.equals("asc") && !direction.equals("desc")) {
            violations.add("order", "must be asc or desc");
        }
        return direction.equals("desc");
    }

    private static int number(String field, String value, int fallback, int min, int max, Violations violations) {
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below like any other out-of-range value
        }
        violations.add(field, "must be a whole number from " + min + " to " + max);
        return fallback;
    }

    /** Longer than any stored value is refused rather than silently matching nothing (or a prefix). */
    private static String filterText(String field, String value, int maxLength, Violations violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (Text.length(text) > maxLength) {
            violations.add(field, "must be at most " + maxLength + " characters");
        } else if (!Text.isStorable(text, false)) {
            violations.add(field, Text.BAD_CHARACTERS);
        }
        return text;
    }

    private static Instant timestamp(String field, String value, Violations violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Text.timestamp(value).orElseGet(() -> {
            violations.add(field, Text.BAD_TIMESTAMP);
            return null;
        });
    }
}
