package dev.todoapp.todo.service;

import static dev.todoapp.todo.TodoLimits.CATEGORY_MAX;
import static dev.todoapp.todo.TodoLimits.DESCRIPTION_MAX;
import static dev.todoapp.todo.TodoLimits.TAGS_MAX;
import static dev.todoapp.todo.TodoLimits.TAG_MAX;
import static dev.todoapp.todo.TodoLimits.TITLE_MAX;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;

import dev.todoapp.common.DomainException;
import dev.todoapp.common.ErrorCode;
import dev.todoapp.common.Text;
import dev.todoapp.todo.ApiNamed;
import dev.todoapp.todo.Priority;
import dev.todoapp.todo.Recurrence;
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
    private static final Set<String> READ_ONLY = Set.of("id", "completedAt", "position", "createdAt", "updatedAt", "version",
            "nextOccurrence");
    private static final Set<String> RECURRENCE_FIELDS = Set.of("freq", "interval", "byWeekday");

    private interface Change {
        void applyTo(Todo todo, Instant now);
    }

    private final List<Change> changes = new ArrayList<>();
    private final Set<String> fields = new LinkedHashSet<>();
    // the values the rules between fields need (checked against the stored todo in applyTo)
    private Instant remindAt;
    private Instant dueAt;
    private Recurrence recurrence;

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

    /**
     * Checks the rules that depend on the stored todo, then applies the changes. A reminder must be in
     * the future when it is set (the stored value sent back unchanged is no change); a recurring todo
     * needs a due date. The recurrence is re-anchored on the due date whenever either is set.
     */
    void applyTo(Todo todo, Instant now, ZoneId zone) {
        Violations violations = new Violations();
        if (remindAt != null && !remindAt.equals(todo.getRemindAt()) && !remindAt.isAfter(now)) {
            violations.add("remindAt", "must be in the future");
        }
        Instant due = fields.contains("dueAt") ? dueAt : todo.getDueAt();
        boolean recurring = fields.contains("recurrence") ? recurrence != null : todo.getRecurrence() != null;
        if (recurring && due == null) {
            violations.add(fields.contains("recurrence") ? "recurrence" : "dueAt", "a recurring todo needs dueAt");
        }
        violations.throwIfAny();
        changes.forEach(change -> change.applyTo(todo, now));
        if ((fields.contains("dueAt") || fields.contains("recurrence")) && todo.getRecurrence() != null) {
            todo.setRecurrence(todo.getRecurrence().anchoredAt(todo.getDueAt(), zone));
        }
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
            case "remindAt" -> remindAt(value, violations);
            case "recurrence" -> recurrence(value, violations);
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
        timestamp("dueAt", value, violations, Todo::setDueAt).ifPresent(given -> dueAt = given);
    }

    private void remindAt(JsonNode value, Violations violations) {
        timestamp("remindAt", value, violations, Todo::setRemindAt).ifPresent(given -> remindAt = given);
    }

    /** A nullable timestamp field: null clears it. The value set, when one is. */
    private Optional<Instant> timestamp(String field, JsonNode value, Violations violations, BiConsumer<Todo, Instant> setter) {
        String given = text(field, value);
        if (given == null) {
            changes.add((todo, now) -> setter.accept(todo, null));
            return Optional.empty();
        }
        Optional<Instant> parsed = Text.timestamp(given).map(TodoChanges::stored);
        parsed.ifPresentOrElse(instant -> changes.add((todo, now) -> setter.accept(todo, instant)),
                () -> violations.add(field, Text.BAD_TIMESTAMP));
        return parsed;
    }

    /** {@code {freq, interval?, byWeekday?}}: interval defaults to 1; days only for a weekly rule. */
    private void recurrence(JsonNode value, Violations violations) {
        if (value.isNull()) {
            changes.add((todo, now) -> todo.setRecurrence(null));
            return;
        }
        if (!value.isObject()) {
            throw Violations.wrongType("recurrence");
        }
        value.fieldNames().forEachRemaining(name -> {
            if (!RECURRENCE_FIELDS.contains(name)) {
                throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Unknown field " + printable(name) + " in recurrence");
            }
        });
        JsonNode freqNode = value.get("freq");
        String freqName = freqNode == null ? null : text("recurrence.freq", freqNode);
        Recurrence.Frequency freq = freqName == null ? null
                : ApiNamed.byApiName(Recurrence.Frequency.class, freqName).orElse(null);
        if (freq == null) {
            violations.add("recurrence.freq", ApiNamed.oneOf(Recurrence.Frequency.class));
        }
        int interval = 1;
        JsonNode intervalNode = value.get("interval");
        if (intervalNode != null && !intervalNode.isNull()) {
            // JSON has one number type: 2.0 is the whole number 2, as JSON Schema's integer says
            if (!intervalNode.isIntegralNumber() && !(intervalNode.isNumber() && intervalNode.canConvertToExactIntegral())) {
                throw Violations.wrongType("recurrence.interval");
            }
            if (!intervalNode.canConvertToInt() || intervalNode.intValue() < 1 || intervalNode.intValue() > Recurrence.INTERVAL_MAX) {
                violations.add("recurrence.interval", "must be between 1 and " + Recurrence.INTERVAL_MAX);
            } else {
                interval = intervalNode.intValue();
            }
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        JsonNode daysNode = value.get("byWeekday");
        if (daysNode != null && !daysNode.isNull()) {
            if (!daysNode.isArray()) {
                throw Violations.wrongType("recurrence.byWeekday");
            }
            for (JsonNode day : daysNode) {
                if (!day.isTextual()) {
                    throw Violations.wrongType("recurrence.byWeekday");
                }
                try {
                    days.add(Recurrence.weekday(day.textValue()));
                } catch (IllegalArgumentException e) {
                    violations.add("recurrence.byWeekday", "must hold only mo, tu, we, th, fr, sa, su");
                    break;
                }
            }
            if (!days.isEmpty() && freq != null && freq != Recurrence.Frequency.WEEKLY) {
                violations.add("recurrence.byWeekday", "is only for a weekly recurrence");
            }
        }
        if (freq != null) {
            // anchored on the due date in applyTo
            Recurrence checked = new Recurrence(freq, interval, days, 1);
            this.recurrence = checked;
            changes.add((todo, now) -> todo.setRecurrence(checked));
        }
    }

    /** PostgreSQL keeps microseconds: the answer shows what is stored, and an echoed value compares equal. */
    private static Instant stored(Instant timestamp) {
        return timestamp.truncatedTo(ChronoUnit.MICROS);
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
