package dev.todoapp.todo.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
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
import dev.todoapp.todo.Recurrence;
import dev.todoapp.todo.Todo;

/** The rules of a todo's writable fields, as create and PATCH apply them. */
class TodoChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Todo created(String body) {
        Todo todo = new Todo(UUID.randomUUID(), 1, NOW);
        TodoChanges.forCreate(json(body)).applyTo(todo, NOW, BERLIN);
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
        TodoChanges.forUpdate(json("{\"description\": null, \"category\": \" \", \"dueAt\": null}")).applyTo(todo, NOW, BERLIN);
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

    private static List<FieldError> refusedOn(Todo todo, String body) {
        DomainException refused = assertThrows(DomainException.class,
                () -> TodoChanges.forUpdate(json(body)).applyTo(todo, NOW, BERLIN));
        assertEquals(ErrorCode.VALIDATION_FAILED, refused.code());
        return refused.errors();
    }

    @Test
    void aReminderMustBeInTheFutureWhenItIsSet() {
        Todo todo = created("{\"title\": \"t\", \"remindAt\": \"2026-11-30T11:30:00+01:00\"}");
        assertEquals(List.of(new FieldError("remindAt", "must be in the future")),
                refusedOn(todo, "{\"remindAt\": \"2026-11-30T09:59:59Z\"}"));
        // a client that sends the stored (now past) value back is not setting a reminder
        Todo later = created("{\"title\": \"t\", \"remindAt\": \"2026-11-30T10:00:01Z\"}");
        TodoChanges.forUpdate(json("{\"title\": \"u\", \"remindAt\": \"2026-11-30T10:00:01Z\"}"))
                .applyTo(later, NOW.plusSeconds(60), BERLIN);
        assertEquals("u", later.getTitle());
        assertEquals(Instant.parse("2026-11-30T10:00:01Z"), later.getRemindAt());
    }

    @Test
    void aRecurrenceNeedsADueDate() {
        Todo todo = created("{\"title\": \"t\"}");
        assertEquals(List.of(new FieldError("recurrence", "a recurring todo needs dueAt")),
                refusedOn(todo, "{\"recurrence\": {\"freq\": \"daily\"}}"));
        Todo recurring = created("""
                {"title": "t", "dueAt": "2027-01-31T08:00:00+01:00", "recurrence": {"freq": "monthly", "interval": 2}}""");
        assertEquals(new Recurrence(Recurrence.Frequency.MONTHLY, 2, java.util.Set.of(), 31), recurring.getRecurrence(),
                "anchored on the due date's day in the user's zone");
        assertEquals(List.of(new FieldError("dueAt", "a recurring todo needs dueAt")), refusedOn(recurring, "{\"dueAt\": null}"));
    }

    @Test
    void recurrenceRules() {
        assertEquals("recurrence.freq", violations("{\"recurrence\": {\"freq\": \"hourly\"}}").get(0).field());
        assertEquals("must be between 1 and 365", violations("{\"recurrence\": {\"freq\": \"daily\", \"interval\": 0}}").get(0).message());
        assertEquals("must be between 1 and 365", violations("{\"recurrence\": {\"freq\": \"daily\", \"interval\": 366}}").get(0).message());
        assertEquals("is only for a weekly recurrence",
                violations("{\"recurrence\": {\"freq\": \"daily\", \"byWeekday\": [\"mo\"]}}").get(0).message());
        assertEquals("recurrence.byWeekday", violations("{\"recurrence\": {\"freq\": \"weekly\", \"byWeekday\": [\"monday\"]}}").get(0).field());
        for (String body : List.of("{\"recurrence\": \"daily\"}", "{\"recurrence\": {\"freq\": \"daily\", \"every\": 2}}",
                "{\"recurrence\": {\"freq\": \"daily\", \"interval\": \"2\"}}", "{\"remindAt\": 5}")) {
            DomainException refused = assertThrows(DomainException.class, () -> TodoChanges.forUpdate(json(body)), body);
            assertEquals(ErrorCode.MALFORMED_REQUEST, refused.code(), body);
        }
        Todo weekly = created("""
                {"title": "t", "dueAt": "2026-12-01T08:00:00Z", "recurrence": {"freq": "weekly", "byWeekday": ["fr", "tu"]}}""");
        assertEquals(List.of("tu", "fr"), weekly.getRecurrence().weekdayNames());
        assertEquals(1, weekly.getRecurrence().interval());
    }
}
