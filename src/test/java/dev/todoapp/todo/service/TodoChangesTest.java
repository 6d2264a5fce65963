package dev.todoapp.todo.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.todoapp.common.DomainException;
import dev.todoapp.common.ErrorCode;
import dev.todoapp.common.FieldError;
import dev.todoapp.todo.Priority;
import dev.todoapp.todo.Todo;

/** The rules of a todo's writable fields, as create and PATCH apply them. */
class TodoChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Todo created(String body) {
        Todo todo = new Todo(UUID.randomUUID(), 1, NOW);
        TodoChanges.forCreate(json(body)).applyTo(todo, NOW);
        return todo;
    }

    private static List<FieldError> violations(String body) {
        DomainException refused = assertThrows(DomainException.class, () -> TodoChanges.forUpdate(json(body)));
        assertEquals(ErrorCode.VALIDATION_FAILED, refused.code());
        return refused.errors();
    }

    @Test
    void aCreateSetsTheTrimmedFields() {
        Todo todo = created("""
                {"title": "  Buy milk ", "priority": "high", "category": "  Errands ", "tags": [" a", "b ", "a"],
                 "dueAt": "2026-12-01T09:00:00+01:00", "completed": true}""");
        assertEquals("Buy milk", todo.getTitle());
        assertEquals(Priority.HIGH, todo.getPriority());
        assertEquals("Errands", todo.getCategory());
        assertEquals(List.of("a", "b"), todo.getTags(), "trimmed, duplicates dropped, first one wins");
        assertEquals(Instant.parse("2026-12-01T08:00:00Z"), todo.getDueAt());
        assertTrue(todo.isCompleted());
        assertEquals(NOW, todo.getCompletedAt());
    }

    @Test
    void aCreateNeedsATitle() {
        DomainException refused = assertThrows(DomainException.class, () -> TodoChanges.forCreate(json("{\"priority\": \"low\"}")));
        assertEquals(List.of(new FieldError("title", "is required")), refused.errors());
    }

    @Test
    void nullClearsANullableFieldAndAMissingFieldStays() {
        Todo todo = created("{\"title\": \"t\", \"description\": \"d\", \"category\": \"c\", \"dueAt\": \"2026-12-01T09:00:00Z\"}");
        TodoChanges.forUpdate(json("{\"description\": null, \"category\": \" \", \"dueAt\": null}")).applyTo(todo, NOW);
        assertNull(todo.getDescription());
        assertNull(todo.getCategory(), "a blank category is no category");
        assertNull(todo.getDueAt());
        assertEquals("t", todo.getTitle());
        assertTrue(TodoChanges.forUpdate(json("{}")).isEmpty());
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        List<FieldError> errors = violations("""
                {"title": " ", "description": "%s", "priority": "urgent", "category": "%s", "tags": ["ok", ""],
                 "dueAt": "tomorrow", "completed": null, "id": "x"}""".formatted("d".repeat(5001), "c".repeat(51)));
        assertEquals(List.of("title", "description", "priority", "category", "tags", "dueAt", "completed", "id"),
                errors.stream().map(FieldError::field).toList());
        assertEquals("must be one of none, low, medium, high", errors.get(2).message());
        assertEquals("is read-only", errors.get(7).message());
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        String emojiTitle = "\uD83D\uDE00".repeat(255);
        assertEquals(emojiTitle, created("{\"title\": \"" + emojiTitle + "\"}").getTitle());
        assertEquals("must be at most 255 characters", violations("{\"title\": \"" + "x".repeat(256) + "\"}").get(0).message());
    }

    @Test
    void tagLimitsCountDistinctTags() {
        StringBuilder tags = new StringBuilder("[");
        for (int i = 0; i < 21; i++) {
            tags.append(i == 0 ? "" : ",").append("\"t").append(i).append('"');
        }
        assertEquals("must have at most 20 distinct tags", violations("{\"tags\": " + tags + "]}").get(0).message());
        assertEquals(20, created("{\"title\": \"t\", \"tags\": " + tags.toString().replace("\"t20\"", "\"t1\"") + "]}").getTags().size());
    }

    @Test
    void controlCharactersAreRefusedExceptLineBreaksInTheDescription() {
        assertEquals("must not contain control characters", violations("{\"title\": \"a\\u0007b\"}").get(0).message());
        assertEquals("line one\nline two", created("{\"title\": \"t\", \"description\": \"line one\\nline two\"}").getDescription());
    }

    @Test
    void wrongTypesAndUnknownFieldsAreMalformedNotInvalid() {
        for (String body : List.of("{\"title\": 5}", "{\"completed\": \"yes\"}", "{\"tags\": \"a\"}", "{\"colour\": \"red\"}", "[]")) {
            DomainException refused = assertThrows(DomainException.class, () -> TodoChanges.forUpdate(json(body)), body);
            assertEquals(ErrorCode.MALFORMED_REQUEST, refused.code(), body);
        }
    }
}
