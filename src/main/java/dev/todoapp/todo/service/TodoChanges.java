package dev.todoapp.todo.service;

import static dev.todoapp.todo.TodoLimits.CATEGORY_MAX;
import static dev.todoapp.todo.TodoLimits.DESCRIPTION_MAX;
import static dev.todoapp.todo.TodoLimits.TAGS_MAX;
import static dev.todoapp.todo.TodoLimits.TAG_MAX;
import static dev.todoapp.todo.TodoLimits.TITLE_MAX;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.todoapp.common.DomainException;
import dev.todoapp.common.ErrorCode;
import dev.todoapp.common.Text;
import dev.todoapp.todo.ApiNamed;
import dev.todoapp.todo.Priority;
import dev.todoapp.todo.Todo;

/**
 * The writable fields of a todo as a client sent them, checked against the rules. A field left
 * out stays as it is; JSON {@code null} clears a nullable field. Create and PATCH share this, so
 * the rules live in one place.
 *
 * <p>Tags are trimmed and duplicates are dropped (first one wins), so the limit of 20 counts
 * distinct tags. A blank category is stored as no category.
 */
final class TodoChanges {

    /** Fields of the todo representation that the service sets itself. */
    private static final Set<String> READ_ONLY = Set.of("id", "completedAt", "position", "createdAt", "updatedAt", "version");

    private interface Change {
        void applyTo(Todo todo, Instant now);
    }

    private final List<Change> changes = new ArrayList<>();
    private final Set<String> fields = new LinkedHashSet<>();

    private TodoChanges() {
    }

    static TodoChanges forCreate(JsonNode body) {
        return read(body, true);
    }

    static TodoChanges forUpdate(JsonNode body) {
        return read(body, false);
    }

    private static TodoChanges read(JsonNode body, boolean creating) {
        if (body == null || !body.isObject()) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "The request body must be a JSON object");
        }
        TodoChanges result = new TodoChanges();
        Violations violations = new Violations();
        for (Iterator<Map.Entry<String, JsonNode>> entries = body.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            result.read(entry.getKey(), entry.getValue(), violations);
        }
        if (creating && !result.fields.contains("title")) {
            violations.add("title", "is required");
        }
        violations.throwIfAny();
        return result;
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }

    void applyTo(Todo todo, Instant now) {
        changes.forEach(change -> change.applyTo(todo, now));
    }

    private void read(String field, JsonNode value, Violations violations) {
        fields.add(field);
        switch (field) {
            case "title" -> title(value, violations);
            case "description" -> description(value, violations);
            case "completed" -> completed(value, violations);
            case "priority" -> priority(value, violations);
            case "category" -> category(value, violations);
            case "tags" -> tags(value, violations);
            case "dueAt" -> dueAt(value, violations);
            default -> {
                if (READ_ONLY.contains(field)) {
                    violations.add(field, "is read-only");
                } else {
                    throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Unknown field " + printable(field));
                }
            }
        }
    }

    private void title(JsonNode value, Violations violations) {
        String title = text("title", value);
        if (title == null) {
            violations.add("title", "must not be blank");
            return;
        }
        title = title.strip();
        if (title.isEmpty()) {
            violations.add("title", "must not be blank");
        } else if (Text.length(title) > TITLE_MAX) {
            violations.add("title", "must be at most " + TITLE_MAX + " characters");
        } else if (!Text.isStorable(title, false)) {
            violations.add("title", Text.BAD_CHARACTERS);
        } else {
            String checked = title;
            changes.add((todo, now) -> todo.setTitle(checked));
        }
    }

    private void description(JsonNode value, Violations violations) {
        String description = text("description", value);
        if (description != null && Text.length(description) > DESCRIPTION_MAX) {
            violations.add("description", "must be at most " + DESCRIPTION_MAX + " characters");
        } else if (description != null && !Text.isStorable(description, true)) {
            violations.add("description", Text.BAD_CHARACTERS);
        } else {
            changes.add((todo, now) -> todo.setDescription(description));
        }
    }

    private void completed(JsonNode value, Violations violations) {
        if (value.isNull()) {
            violations.add("completed", "must not be null");
        } else if (!value.isBoolean()) {
            throw Violations.wrongType("completed");
        } else {
            boolean completed = value.booleanValue();
            changes.add((todo, now) -> todo.setCompleted(completed, now));
        }
    }

    private void priority(JsonNode value, Violations violations) {
        String name = text("priority", value);
        Priority priority = name == null ? null : ApiNamed.byApiName(Priority.class, name).orElse(null);
        if (priority == null) {
            violations.add("priority", ApiNamed.oneOf(Priority.class));
        } else {
            changes.add((todo, now) -> todo.setPriority(priority));
        }
    }

    private void category(JsonNode value, Violations violations) {
        String given = text("category", value);
        String category = given == null || given.isBlank() ? null : given.strip();
        if (category != null && Text.length(category) > CATEGORY_MAX) {
            violations.add("category", "must be at most " + CATEGORY_MAX + " characters");
        } else if (category != null && !Text.isStorable(category, false)) {
            violations.add("category", Text.BAD_CHARACTERS);
        } else {
            changes.add((todo, now) -> todo.setCategory(category));
        }
    }

    private void tags(JsonNode value, Violations violations) {
        if (value.isNull()) {
            violations.add("tags", "must not be null; send [] for no tags");
            return;
        }
        if (!value.isArray()) {
            throw Violations.wrongType("tags");
        }
        Set<String> tags = new LinkedHashSet<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw Violations.wrongType("tags");
            }
            tags.add(element.textValue().strip());
        }
        if (tags.contains("")) {
            violations.add("tags", "must not contain blank tags");
        } else if (tags.stream().anyMatch(tag -> Text.length(tag) > TAG_MAX)) {
            violations.add("tags", "must each be at most " + TAG_MAX + " characters");
        } else if (tags.stream().anyMatch(tag -> !Text.isStorable(tag, false))) {
            violations.add("tags", Text.BAD_CHARACTERS);
        } else if (tags.size() > TAGS_MAX) {
            violations.add("tags", "must have at most " + TAGS_MAX + " distinct tags");
        } else {
            List<String> checked = List.copyOf(tags);
            changes.add((todo, now) -> todo.setTags(checked));
        }
    }

    private void dueAt(JsonNode value, Violations violations) {
        String given = text("dueAt", value);
        if (given == null) {
            changes.add((todo, now) -> todo.setDueAt(null));
            return;
        }
        Text.timestamp(given).ifPresentOrElse(
                dueAt -> changes.add((todo, now) -> todo.setDueAt(dueAt)),
                () -> violations.add("dueAt", Text.BAD_TIMESTAMP));
    }

    /** The string a field holds, or null for JSON null; any other JSON type is malformed. */
    private static String text(String field, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw Violations.wrongType(field);
        }
        return value.textValue();
    }

    private static String printable(String field) {
        return field.matches("[A-Za-z0-9_]{1,64}") ? "'" + field + "'" : "in the body";
    }
}
